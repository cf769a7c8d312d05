package io.sluice.connectors.kafka;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One Kafka record per row: the whole row as the value (Flink's JSON or Avro format), the key
 * column's text or bytes as the key (none without a key column), the partition left to Kafka's
 * partitioner (by key hash, or sticky without a key).
 */
final class RowSerializer implements KafkaRecordSerializationSchema<RowData> {
  private static final long serialVersionUID = 1L;

  private final String topic;
  private final SerializationSchema<RowData> value;
  private final int keyPosition;
  private final boolean keyIsText;

  RowSerializer(String topic, SerializationSchema<RowData> value, RowType type, String keyColumn) {
    this.topic = topic;
    this.value = value;
    if (keyColumn == null) {
      this.keyPosition = -1;
      this.keyIsText = false;
      return;
    }
    this.keyPosition = type.getFieldIndex(keyColumn);
    if (keyPosition < 0) {
      throw new IllegalArgumentException("Cannot use column '" + keyColumn + "' as the Kafka key:"
          + " the rows have no such column. Use one of " + type.getFieldNames() + ".");
    }
    LogicalTypeRoot root = type.getTypeAt(keyPosition).getTypeRoot();
    this.keyIsText = root == LogicalTypeRoot.VARCHAR || root == LogicalTypeRoot.CHAR;
    if (!keyIsText && root != LogicalTypeRoot.VARBINARY && root != LogicalTypeRoot.BINARY) {
      throw new IllegalArgumentException("Cannot use column '" + keyColumn + "' of type "
          + type.getTypeAt(keyPosition) + " as the Kafka key: the key must be STRING or BYTES."
          + " Cast it in the query.");
    }
  }

  @Override
  public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext)
      throws Exception {
    value.open(context);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(RowData row, KafkaSinkContext context,
      Long timestamp) {
    return new ProducerRecord<>(topic, null, timestamp, key(row), value.serialize(row));
  }

  private byte[] key(RowData row) {
    if (keyPosition < 0 || row.isNullAt(keyPosition)) {
      return null;
    }
    return keyIsText ? row.getString(keyPosition).toBytes() : row.getBinary(keyPosition);
  }
}
