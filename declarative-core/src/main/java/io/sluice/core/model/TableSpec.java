package io.sluice.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dataset declares about its shape and storage, besides its query: columns, expectations,
 * watermark, partitioning, comment, table properties and format.
 *
 * @param columns declared columns; empty means the schema comes from the query
 * @param format empty means the pipeline's default format
 */
public record TableSpec(
    List<ColumnSpec> columns,
    List<Expectation> expectations,
    Optional<WatermarkSpec> watermark,
    List<String> partitionColumns,
    Optional<String> comment,
    Map<String, String> properties,
    Optional<TableFormat> format) {

  public static final TableSpec EMPTY =
      new TableSpec(
          List.of(), List.of(), Optional.empty(), List.of(), Optional.empty(), Map.of(),
          Optional.empty());

  public TableSpec {
    columns = List.copyOf(columns);
    expectations = List.copyOf(expectations);
    Objects.requireNonNull(watermark, "watermark");
    partitionColumns = List.copyOf(partitionColumns);
    Objects.requireNonNull(comment, "comment");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(format, "format");
  }

  public Optional<String> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }

  public TableSpec withExpectations(List<Expectation> newExpectations) {
    return new TableSpec(
        columns, newExpectations, watermark, partitionColumns, comment, properties, format);
  }
}
