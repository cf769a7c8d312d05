package io.sluice.connectors.kafka;

import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Values as they are: one STRING column {@code value} over the value's bytes (UTF-8 text). */
final class RawValues extends ValueFormat {
  private static final long serialVersionUID = 1L;
  static final String COLUMN = "value";

  @Override
  RowType columns() {
    return new RowType(List.of(new RowType.RowField(COLUMN, VarCharType.STRING_TYPE)));
  }

  @Override
  void open() {}

  @Override
  void fill(ConsumerRecord<byte[], byte[]> record, GenericRowData row) {
    row.setField(0, record.value() == null ? null : StringData.fromBytes(record.value()));
  }
}
