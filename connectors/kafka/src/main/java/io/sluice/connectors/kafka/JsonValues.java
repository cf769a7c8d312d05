package io.sluice.connectors.kafka;

import io.sluice.connectors.files.JsonRowConverter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * JSON values, converted with the file connector's JSON rules ({@link JsonRowConverter}): what does
 * not fit the schema, or a value that is not a JSON object, goes to the rescued-data column with
 * the record's topic, partition and offset. A null value (a tombstone) gives null data columns.
 *
 * <p>{@link #debezium}: Debezium JSON change events ({@code debezium-json}), flattened with the
 * file connector's rules ({@link JsonRowConverter#forDebezium}): the table's columns, then {@code
 * _op}, {@code _ts_ms} and {@code _source}, then the rescued-data column. A tombstone (the null
 * value Debezium writes after a delete, for log compaction) carries no change and is skipped.
 */
final class JsonValues extends ValueFormat {
  private static final long serialVersionUID = 1L;

  private final RowType columns;
  private final RowType schema;
  private final boolean debezium;
  private transient JsonRowConverter converter;

  JsonValues(RowType schema, String rescuedColumn) {
    this(schema, rescuedColumn, false);
  }

  private JsonValues(RowType schema, String rescuedColumn, boolean debezium) {
    this.schema = schema;
    this.debezium = debezium;
    this.columns = withRescued(converterFor(schema, debezium).columns(), rescuedColumn);
  }

  static JsonValues debezium(RowType schema, String rescuedColumn) {
    return new JsonValues(schema, rescuedColumn, true);
  }

  private static JsonRowConverter converterFor(RowType schema, boolean debezium) {
    return debezium ? JsonRowConverter.forDebezium(schema) : JsonRowConverter.forColumns(schema);
  }

  @Override
  boolean skips(ConsumerRecord<byte[], byte[]> record) {
    return debezium && record.value() == null;
  }

  @Override
  RowType columns() {
    return columns;
  }

  @Override
  void open() {
    converter = converterFor(schema, debezium);
  }

  @Override
  void fill(ConsumerRecord<byte[], byte[]> record, GenericRowData row) {
    if (record.value() == null) {
      return;
    }
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
