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
 */
final class JsonValues extends ValueFormat {
  private static final long serialVersionUID = 1L;

  private final RowType columns;
  private final RowType schema;
  private transient JsonRowConverter converter;

  JsonValues(RowType schema, String rescuedColumn) {
    this.schema = schema;
    this.columns = withRescued(JsonRowConverter.forColumns(schema).columns(), rescuedColumn);
  }

  @Override
  RowType columns() {
    return columns;
  }

  @Override
  void open() {
    converter = JsonRowConverter.forColumns(schema);
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
