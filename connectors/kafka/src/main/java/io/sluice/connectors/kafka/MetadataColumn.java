package io.sluice.connectors.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.RecordBatch;

/**
 * A column taken from a Kafka record rather than from its value. Headers come as a MAP from name to
 * value bytes, or as a JSON object from name to UTF-8 text; when a name repeats, the last value
 * wins in both.
 */
enum MetadataColumn {
  TOPIC("topic", VarCharType.STRING_TYPE),
  PARTITION("partition", new IntType(false)),
  OFFSET("offset", new BigIntType(false)),
  TIMESTAMP("timestamp", new LocalZonedTimestampType(3)),
  /** Kafka's timestamp type id: 0 = create time, 1 = log append time, -1 = none. */
  TIMESTAMP_TYPE("timestampType", new IntType(false)),
  HEADERS("headers", new MapType(VarCharType.STRING_TYPE, new VarBinaryType(VarBinaryType.MAX_LENGTH))),
  HEADERS_JSON("headers", VarCharType.STRING_TYPE);

  static final String NAMES = "topic, partition, offset, timestamp, timestampType, headers";

  private final String columnName;
  private final LogicalType type;

  MetadataColumn(String columnName, LogicalType type) {
    this.columnName = columnName;
    this.type = type;
  }

  String columnName() {
    return columnName;
  }

  LogicalType type() {
    return type;
  }

  /** The column of a name; headers as JSON text when {@code headersAsJson}. */
  static MetadataColumn named(String name, boolean headersAsJson) {
    for (MetadataColumn column : values()) {
      if (column.columnName.equals(name.trim())) {
        return column == HEADERS && headersAsJson ? HEADERS_JSON : column;
      }
    }
    throw new IllegalArgumentException("Cannot add metadata column '" + name.trim()
        + "': unknown. Use some of: " + NAMES);
  }

  Object value(ConsumerRecord<byte[], byte[]> record) {
    switch (this) {
      case TOPIC:
        return StringData.fromString(record.topic());
      case PARTITION:
        return record.partition();
      case OFFSET:
        return record.offset();
      case TIMESTAMP:
        return record.timestamp() == RecordBatch.NO_TIMESTAMP
            ? null : TimestampData.fromEpochMillis(record.timestamp());
      case TIMESTAMP_TYPE:
        return record.timestampType().id;
      case HEADERS:
        Map<Object, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
          headers.put(StringData.fromString(header.key()), header.value());
        }
        return new GenericMapData(headers);
      case HEADERS_JSON:
        Map<String, Object> json = new LinkedHashMap<>();
        for (Header header : record.headers()) {
          json.put(header.key(), header.value() == null
              ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return StringData.fromString(RescuedData.json(json));
      default:
        throw new IllegalStateException("Unknown metadata column " + this);
    }
  }
}
