package io.sluice.core.model;

import io.sluice.core.text.MappedText;
import java.util.List;
import java.util.Objects;

/**
 * A query as written and as Flink will plan it.
 *
 * @param original the query as the user wrote it (parameters substituted), for display
 * @param sql Flink SQL: references replaced by their placeholders, Spark-isms normalized; maps
 *     every position back to the definition file
 * @param references every table the query reads, in order of appearance
 */
public record Query(String original, MappedText sql, List<Reference> references) {

  public Query {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(sql, "sql");
    references = List.copyOf(references);
  }

  public SourceLocation location() {
    return sql.start();
  }

  public List<Reference> datasetReferences() {
    return references.stream().filter(Reference::isDataset).toList();
  }
}
