package io.sluice.runtime.source;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.table.types.logical.RowType;

/**
 * One input of a flow, resolved: what to read, with which schema, and how.
 *
 * @param path a file-system URI
 * @param incremental read what is new since the last run (the flow's state remembers where it
 *     stopped) rather than everything that is there
 * @param options reader options: for files the format and its options
 * @param key stable, file-name-safe identity of the input within its flow (part of the source's
 *     UID, so progress survives edits of the query)
 */
public record InputSpec(
    InputKind kind,
    String path,
    RowType schema,
    boolean incremental,
    Map<String, String> options,
    String key) {

  public InputSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(schema, "schema");
    options = Map.copyOf(options);
    Objects.requireNonNull(key, "key");
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }
}
