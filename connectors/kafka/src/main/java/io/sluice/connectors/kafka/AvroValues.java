package io.sluice.connectors.kafka;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.formats.avro.AvroToRowDataConverters;
import org.apache.flink.formats.avro.typeutils.AvroSchemaConverter;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Avro values: plain Avro binary (no schema-registry header) written with the given schema, whose
 * fields become the columns (Flink's Avro type mapping). A value that cannot be decoded with that
 * schema, or leaves bytes over, gives null data columns and its bytes, as base64, in the
 * rescued-data column under {@code _malformed_record} with its topic, partition and offset.
 */
final class AvroValues extends ValueFormat {
  private static final long serialVersionUID = 1L;

  private final String schemaJson;
  private final RowType dataColumns;
  private final RowType columns;
  private transient GenericDatumReader<GenericRecord> reader;
  private transient AvroToRowDataConverters.AvroToRowDataConverter converter;
  private transient BinaryDecoder decoder;

  AvroValues(String schemaJson, String rescuedColumn) {
    this.schemaJson = schemaJson;
    this.dataColumns = rowType(schemaJson);
    this.columns = withRescued(dataColumns, rescuedColumn);
  }

  /** The row type of an Avro record schema. */
  static RowType rowType(String schemaJson) {
    Schema schema;
    try {
      schema = new Schema.Parser().parse(schemaJson);
    } catch (SchemaParseException | NullPointerException e) {
      throw new IllegalArgumentException(
          "Cannot use the Avro schema: " + e.getMessage() + ". Give a valid Avro schema JSON.", e);
    }
    if (schema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("Cannot use an Avro schema of type " + schema.getType()
          + " for Kafka values: it must be a record. Wrap the value in a record or read it raw.");
    }
    LogicalType type = AvroSchemaConverter.convertToDataType(schemaJson).getLogicalType();
    return (RowType) type;
  }

  @Override
  RowType columns() {
    return columns;
  }

  @Override
  void open() {
    reader = new GenericDatumReader<>(new Schema.Parser().parse(schemaJson));
    converter = AvroToRowDataConverters.createRowConverter(dataColumns);
  }

  @Override
  void fill(ConsumerRecord<byte[], byte[]> record, GenericRowData row) {
    if (record.value() == null) {
      return;
    }
    RowData data;
    try {
      decoder = DecoderFactory.get().binaryDecoder(record.value(), decoder);
      GenericRecord value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new IOException("bytes left after the record");
      }
      data = (RowData) converter.convert(value);
    } catch (IOException | RuntimeException e) {
      row.setField(dataColumns.getFieldCount(), StringData.fromString(RescuedData.undecodable(record)));
      return;
    }
    GenericRowData fields = (GenericRowData) data;
    for (int i = 0; i < fields.getArity(); i++) {
      row.setField(i, fields.getField(i));
    }
  }
}
