package io.sluice.connectors.cdc.postgres;

import io.debezium.data.Envelope;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.connectors.postgres.table.PostgreSQLDeserializationConverterFactory;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.cdc.debezium.table.DebeziumChangelogMode;
import org.apache.flink.cdc.debezium.table.RowDataDebeziumDeserializeSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium change records to change rows of the {@link UnionLayout}: one row per change, always
 * of kind INSERT, with the table's values and the {@link MetadataColumn}s. The values are decoded
 * by Flink CDC's own converters ({@link RowDataDebeziumDeserializeSchema} with the PostgreSQL
 * converter factory), one per table, in upsert mode: an UPDATE gives only its new values, a DELETE
 * the old values PostgreSQL sent: every column when the table's REPLICA IDENTITY was FULL at
 * discovery, otherwise the key, with NULL in the other columns.
 */
final class ChangeRowDeserializer implements DebeziumDeserializationSchema<RowData> {
  private static final long serialVersionUID = 1L;

  private final RowType producedType;
  private final Map<String, TableDecoder> decoders = new LinkedHashMap<>();

  ChangeRowDeserializer(List<CapturedTable> tables) {
    UnionLayout layout = UnionLayout.of(tables);
    this.producedType = layout.rowType();
    for (CapturedTable table : tables) {
      decoders.put(table.qualifiedName(), new TableDecoder(table, layout));
    }
  }

  @Override
  public void deserialize(SourceRecord record, Collector<RowData> out) throws Exception {
    Struct value = (Struct) record.value();
    if (value == null) {
      return; // a tombstone after a delete; tombstones.on.delete is off, this is a safeguard
    }
    Struct source = value.getStruct(Envelope.FieldName.SOURCE);
    String table = source.getString("schema") + "." + source.getString("table");
    TableDecoder decoder = decoders.get(table);
    if (decoder == null) {
      throw new IllegalStateException("Received a change of table " + table
          + ", which this source does not capture (it captures " + decoders.keySet() + ")");
    }
    decoder.decode(record, value, source, out);
  }

  @Override
  public TypeInformation<RowData> getProducedType() {
    return InternalTypeInfo.of(producedType);
  }

  /** One table's converter and where its columns go in the union row. */
  private static final class TableDecoder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final RowDataDebeziumDeserializeSchema values;
    private final int[] positions;
    /** Per column: whether a DELETE carries it (the key's, or all with REPLICA IDENTITY FULL). */
    private final boolean[] inDeletes;
    private final int arity;
    private final int opAt;
    private final int lsnAt;
    private final int commitTsAt;
    private final int tableAt;

    TableDecoder(CapturedTable table, UnionLayout layout) {
      this.table = table.qualifiedName();
      RowType physical = nullable(table.columns());
      this.values = RowDataDebeziumDeserializeSchema.newBuilder()
          .setPhysicalRowType(physical)
          .setResultTypeInfo(InternalTypeInfo.of(physical))
          .setUserDefinedConverterFactory(PostgreSQLDeserializationConverterFactory.instance())
          .setServerTimeZone(ZoneOffset.UTC)
          .setChangelogMode(DebeziumChangelogMode.UPSERT)
          .build();
      this.positions = layout.positions(table.qualifiedName());
      List<String> columns = table.columns().getFieldNames();
      this.inDeletes = new boolean[columns.size()];
      for (int i = 0; i < inDeletes.length; i++) {
        inDeletes[i] = table.replicaIdentityFull() || table.primaryKey().contains(columns.get(i));
      }
      this.arity = layout.rowType().getFieldCount();
      this.opAt = layout.position(MetadataColumn.OP);
      this.lsnAt = layout.position(MetadataColumn.LSN);
      this.commitTsAt = layout.position(MetadataColumn.COMMIT_TS);
      this.tableAt = layout.position(MetadataColumn.TABLE);
    }

    void decode(SourceRecord record, Struct value, Struct source, Collector<RowData> out)
        throws Exception {
      Envelope.Operation op = Envelope.operationFor(record);
      long lsn;
      long commitMillis;
      switch (op) {
        case READ:
          lsn = 0L;
          commitMillis = value.getInt64(Envelope.FieldName.TIMESTAMP);
          break;
        case CREATE:
        case UPDATE:
        case DELETE:
          lsn = source.getInt64("lsn");
          commitMillis = source.getInt64("ts_ms");
          break;
        default:
          throw new IllegalStateException("Cannot turn a " + op + " event of " + table
              + " into a change row: only snapshot reads, inserts, updates and deletes are read");
      }
      values.deserialize(record, new Collector<>() {
        @Override
        public void collect(RowData row) {
          out.collect(toUnion((GenericRowData) row, lsn, commitMillis));
        }

        @Override
        public void close() {}
      });
    }

    private RowData toUnion(GenericRowData row, long lsn, long commitMillis) {
      GenericRowData union = new GenericRowData(RowKind.INSERT, arity);
      boolean delete = row.getRowKind() == RowKind.DELETE;
      for (int i = 0; i < positions.length; i++) {
        // Debezium fills the NOT NULL columns a key-only DELETE lacks with 0 or ''
        union.setField(positions[i], delete && !inDeletes[i] ? null : row.getField(i));
      }
      union.setField(opAt, StringData.fromString(opName(row.getRowKind())));
      union.setField(lsnAt, lsn);
      union.setField(commitTsAt, TimestampData.fromEpochMillis(commitMillis));
      union.setField(tableAt, StringData.fromString(table));
      return union;
    }

    private static String opName(RowKind kind) {
      switch (kind) {
        case INSERT:
          return "INSERT";
        case UPDATE_AFTER:
          return "UPDATE";
        case DELETE:
          return "DELETE";
        default:
          throw new IllegalStateException("Unexpected row kind " + kind + " in upsert mode");
      }
    }

    private static RowType nullable(RowType type) {
      List<RowType.RowField> fields = new ArrayList<>();
      for (RowType.RowField field : type.getFields()) {
        fields.add(new RowType.RowField(field.getName(), field.getType().copy(true)));
      }
      return new RowType(fields);
    }
  }
}
