package io.sluice.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * A table a query reads.
 *
 * @param kind what the name points at
 * @param name for {@link ReferenceKind#DATASET} the normalized dataset name; for {@link
 *     ReferenceKind#FILES} and {@link ReferenceKind#TABLE_PATH} the path as written; for {@link
 *     ReferenceKind#EXTERNAL_TABLE} the qualified name; for {@link ReferenceKind#KAFKA} the
 *     topics, topic pattern or partitions as written (whichever the options subscribe with)
 * @param streaming whether the query reads it incrementally ({@code STREAM(x)}, {@code
 *     cloud_files})
 * @param placeholder the identifier the rewritten Flink SQL uses in its place; the engine
 *     registers a table under this name
 * @param options for files: {@code format} and the reader options as written (keys lower-case);
 *     for table paths: {@code format} ({@code delta} or {@code iceberg}); for Kafka the
 *     read_kafka arguments with their names as written
 */
public record Reference(
    ReferenceKind kind,
    String name,
    boolean streaming,
    String placeholder,
    Map<String, String> options,
    SourceLocation location) {

  public Reference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(placeholder, "placeholder");
    options = Map.copyOf(options);
    Objects.requireNonNull(location, "location");
  }

  public static Reference dataset(
      String name, boolean streaming, String placeholder, SourceLocation location) {
    return new Reference(
        ReferenceKind.DATASET, Names.normalize(name), streaming, placeholder, Map.of(), location);
  }

  public boolean isDataset() {
    return kind == ReferenceKind.DATASET;
  }
}
