package io.sluice.runtime.translate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.conversion.RowRowConverter;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

/**
 * Turns the rows of a query's changelog ({@code toChangelogStream} gives {@link Row}s) into the
 * internal rows the sinks take, keeping each row's kind (insert, update before/after, delete).
 */
final class ChangelogRows extends RichMapFunction<Row, RowData> {
  private static final long serialVersionUID = 1L;

  private final DataType type;
  private transient RowRowConverter converter;

  ChangelogRows(DataType type) {
    this.type = type;
  }

  @Override
  public void open(OpenContext context) {
    converter = RowRowConverter.create(type);
    converter.open(getRuntimeContext().getUserCodeClassLoader());
  }

  @Override
  public RowData map(Row row) {
    return converter.toInternal(row);
  }
}
