package io.sluice.connectors.kafka;

import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Values as bytes, untouched: one BYTES column {@code value} (Spark's and Databricks' layout). */
final class BinaryValues extends ValueFormat {
  private static final long serialVersionUID = 1L;

  @Override
  RowType columns() {
    return new RowType(List.of(new RowType.RowField(RawValues.COLUMN,
        new VarBinaryType(VarBinaryType.MAX_LENGTH))));
  }

  @Override
  void open() {}

  @Override
  void fill(ConsumerRecord<byte[], byte[]> record, GenericRowData row) {
    row.setField(0, record.value());
  }
}
