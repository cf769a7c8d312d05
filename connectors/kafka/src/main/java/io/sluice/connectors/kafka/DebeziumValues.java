package io.sluice.connectors.kafka;

import io.sluice.connectors.files.JsonRowConverter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Debezium JSON change events ({@code debezium-json}), flattened with the file connector's rules
 * ({@link JsonRowConverter#forDebezium}): the table's columns, then {@code _op}, {@code _ts_ms} and
 * {@code _source}, then the rescued-data column. A tombstone (the null value Debezium writes after
 * a delete, for log compaction) carries no change and is skipped.
 */
final class DebeziumValues extends ValueFormat {
  private static final long serialVersionUID = 1L;

  private final RowType columns;
  private final RowType schema;
  private transient JsonRowConverter converter;

  DebeziumValues(RowType schema, String rescuedColumn) {
    this.schema = schema;
    this.columns = withRescued(JsonRowConverter.forDebezium(schema).columns(), rescuedColumn);
  }

  @Override
  RowType columns() {
    return columns;
  }

  @Override
  void open() {
    converter = JsonRowConverter.forDebezium(schema);
  }

  @Override
  boolean skips(ConsumerRecord<byte[], byte[]> record) {
    return record.value() == null;
  }

  @Override
  void fill(ConsumerRecord<byte[], byte[]> record, GenericRowData row) {
    JsonRowConverter.Converted converted =
        converter.convert(new String(record.value(), StandardCharsets.UTF_8));
    GenericRowData data = converted.row();
    for (int i = 0; i < data.getArity(); i++) {
      row.setField(i, data.getField(i));
    }
    String rescued = converted.rescuedJson(RescuedData.origin(record));
    row.setField(data.getArity(), rescued == null ? null : StringData.fromString(rescued));
  }
}
