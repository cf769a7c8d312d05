package io.sluice.connectors.kafka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How a record's value becomes the first columns of a row. Built (and validated) with the source,
 * shipped to the readers, and opened there before the first record.
 */
abstract class ValueFormat implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The columns this format fills, first in every row. */
  abstract RowType columns();

  /** Prepares the non-serializable parts (parsers, converters); called once per reader. */
  abstract void open();

  /** Whether the record carries no row (it is skipped and counted); none does by default. */
  boolean skips(ConsumerRecord<byte[], byte[]> record) {
    return false;
  }

  /** Sets fields {@code 0 .. columns().getFieldCount() - 1} of {@code row}. */
  abstract void fill(ConsumerRecord<byte[], byte[]> record, GenericRowData row);

  /**
   * The data columns, made nullable (a rescued record has none), followed by a STRING
   * rescued-data column.
   */
  static RowType withRescued(RowType data, String rescuedColumn) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (RowType.RowField field : data.getFields()) {
      fields.add(new RowType.RowField(field.getName(), field.getType().copy(true)));
    }
    fields.add(new RowType.RowField(rescuedColumn, VarCharType.STRING_TYPE));
    return new RowType(fields);
  }
}
