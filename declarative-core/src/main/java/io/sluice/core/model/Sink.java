package io.sluice.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * {@code CREATE SINK}: a named external target fed by append flows. A full refresh never clears
 * it.
 *
 * @param format the sink's connector, for example {@code delta}, {@code iceberg} or {@code kafka}
 * @param options connector options, for example {@code path} or {@code topic}
 */
public record Sink(String name, String format, Map<String, String> options, SourceLocation location)
    implements Dataset {

  public Sink {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    options = Map.copyOf(options);
    Objects.requireNonNull(location, "location");
  }

  @Override
  public DatasetKind kind() {
    return DatasetKind.SINK;
  }

  @Override
  public TableSpec spec() {
    return TableSpec.EMPTY;
  }
}
