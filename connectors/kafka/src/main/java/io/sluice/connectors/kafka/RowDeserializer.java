package io.sluice.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One row per Kafka record: the value format's columns, then the key (STRING or BYTES) if asked, then the
 * asked metadata columns. It never fails on a record's content: what cannot be read is rescued by
 * the value format. A record the value format skips (a Debezium tombstone) gives no row and is
 * counted in the metric {@value #SKIPPED_METRIC}.
 */
final class RowDeserializer implements KafkaRecordDeserializationSchema<RowData> {
  private static final long serialVersionUID = 1L;
  static final String KEY_COLUMN = "key";
  /** The reader's metric counting the records that gave no row. */
  static final String SKIPPED_METRIC = "skippedRecords";

  private final ValueFormat value;
  private final boolean includeKey;
  private final boolean keyAsBytes;
  private final List<MetadataColumn> metadata;
  private final RowType producedType;
  private transient Counter skipped;

  RowDeserializer(ValueFormat value, boolean includeKey, List<MetadataColumn> metadata) {
    this(value, includeKey, false, metadata);
  }

  /** With {@code keyAsBytes} the key column is BYTES (the key as it is) instead of STRING. */
  RowDeserializer(ValueFormat value, boolean includeKey, boolean keyAsBytes,
      List<MetadataColumn> metadata) {
    this.value = value;
    this.includeKey = includeKey;
    this.keyAsBytes = keyAsBytes;
    this.metadata = List.copyOf(metadata);
    this.producedType = producedType(value.columns(), includeKey ? keyType(keyAsBytes) : null,
        this.metadata);
  }

  RowType producedType() {
    return producedType;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    value.open();
    skipped = new SimpleCounter();
    if (context != null) {
      context.getMetricGroup().counter(SKIPPED_METRIC, skipped);
    }
  }

  /** How many records gave no row since {@link #open}. */
  long skippedRecords() {
    return skipped.getCount();
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RowData> out) {
    if (value.skips(record)) {
      skipped.inc();
      return;
    }
    GenericRowData row = new GenericRowData(producedType.getFieldCount());
    value.fill(record, row);
    int position = value.columns().getFieldCount();
    if (includeKey) {
      row.setField(position++, record.key() == null || keyAsBytes
          ? record.key() : StringData.fromBytes(record.key()));
    }
    for (MetadataColumn column : metadata) {
      row.setField(position++, column.value(record));
    }
    out.collect(row);
  }

  @Override
  public TypeInformation<RowData> getProducedType() {
    return InternalTypeInfo.of(producedType);
  }

  private static LogicalType keyType(boolean asBytes) {
    return asBytes ? new VarBinaryType(VarBinaryType.MAX_LENGTH) : VarCharType.STRING_TYPE;
  }

  /** The value columns, then the key column if {@code keyType} is not null, then the metadata. */
  private static RowType producedType(RowType valueColumns, LogicalType keyType,
      List<MetadataColumn> metadata) {
    List<RowType.RowField> fields = new ArrayList<>(valueColumns.getFields());
    if (keyType != null) {
      fields.add(new RowType.RowField(KEY_COLUMN, keyType));
    }
    for (MetadataColumn column : metadata) {
      fields.add(new RowType.RowField(column.columnName(), column.type()));
    }
    List<String> names = new ArrayList<>();
    for (RowType.RowField field : fields) {
      if (names.contains(field.getName())) {
        throw new IllegalArgumentException("Cannot add column '" + field.getName()
            + "' to the Kafka rows: the value columns already have one of that name."
            + " Rename that value column, or do not ask for the key or metadata column.");
      }
      names.add(field.getName());
    }
    return new RowType(fields);
  }
}
