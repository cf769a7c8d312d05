package io.sluice.connectors.kafka;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.formats.avro.AvroRowDataSerializationSchema;
import org.apache.flink.formats.avro.AvroSerializationSchema;
import org.apache.flink.formats.avro.RowDataToAvroConverters;
import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonFormatOptions;
import org.apache.flink.formats.json.JsonRowDataSerializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * The value of a written record. {@code json}: a JSON object of every column as Flink's JSON
 * format writes it (ISO-8601 timestamps, nulls written, decimals as JSON numbers). {@code avro}:
 * plain Avro binary with the given record schema, or without one the schema Flink derives from
 * the row type.
 */
final class ValueEncoding {
  private ValueEncoding() {}

  static SerializationSchema<RowData> of(String format, RowType type, String avroSchema) {
    switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "json":
        return new JsonRowDataSerializationSchema(type, TimestampFormat.ISO_8601,
            JsonFormatOptions.MapNullKeyMode.FAIL, "null", false, false);
      case "avro":
        if (avroSchema == null) {
          return new AvroRowDataSerializationSchema(type);
        }
        if (!AvroValues.rowType(avroSchema).getFieldNames().equals(type.getFieldNames())) {
          throw new IllegalArgumentException("Cannot write rows as Avro with the given schema: its"
              + " fields " + AvroValues.rowType(avroSchema).getFieldNames() + " are not the columns "
              + type.getFieldNames() + ". Give a schema with the same fields in the same order.");
        }
        Schema schema = new Schema.Parser().parse(avroSchema);
        return new AvroRowDataSerializationSchema(type, AvroSerializationSchema.forGeneric(schema),
            RowDataToAvroConverters.createConverter(type));
      default:
        throw new IllegalArgumentException("Cannot write Kafka values as '" + format
            + "': unknown format. Use json or avro.");
    }
  }
}
