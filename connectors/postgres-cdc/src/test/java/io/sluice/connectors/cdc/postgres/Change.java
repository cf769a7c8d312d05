package io.sluice.connectors.cdc.postgres;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

/** A change row as plain Java values, for assertions; {@link Collect} gathers them. */
record Change(String table, String op, long lsn, Instant commitTs, Map<String, Object> values) {
  static final Queue<Change> OUTPUT = new ConcurrentLinkedQueue<>();

  Object get(String column) {
    return values.get(column);
  }

  /** Puts every row into {@link #OUTPUT}, converted by the source's row type. */
  static final class Collect implements MapFunction<RowData, RowData>,
      ResultTypeQueryable<RowData> {
    private static final long serialVersionUID = 1L;
    private final RowType type;

    Collect(RowType type) {
      this.type = type;
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
      return InternalTypeInfo.of(type);
    }

    @Override
    public RowData map(RowData row) {
      if (row.getRowKind() != RowKind.INSERT) {
        throw new AssertionError("Change rows must be of kind INSERT, got " + row.getRowKind());
      }
      Map<String, Object> values = new LinkedHashMap<>();
      List<String> names = type.getFieldNames();
      for (int i = 0; i < names.size(); i++) {
        LogicalType fieldType = type.getTypeAt(i);
        Object value = RowData.createFieldGetter(fieldType, i).getFieldOrNull(row);
        values.put(names.get(i), toJava(fieldType, value));
      }
      Change change = new Change((String) values.remove("_table"), (String) values.remove("_op"),
          (Long) values.remove("_lsn"), (Instant) values.remove("_commit_ts"), values);
      OUTPUT.add(change);
      return row;
    }
  }

  static List<Change> drain() {
    List<Change> changes = new ArrayList<>(OUTPUT);
    OUTPUT.clear();
    return changes;
  }

  private static Object toJava(LogicalType type, Object value) {
    if (value == null) {
      return null;
    }
    LogicalTypeRoot root = type.getTypeRoot();
    switch (root) {
      case VARCHAR:
      case CHAR:
        return ((StringData) value).toString();
      case DECIMAL:
        return ((DecimalData) value).toBigDecimal();
      case DATE:
        return LocalDate.ofEpochDay((Integer) value);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return ((TimestampData) value).toLocalDateTime();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return ((TimestampData) value).toInstant();
      case VARBINARY:
      case BINARY:
        return Arrays.toString((byte[]) value);
      default:
        return value;
    }
  }

  @Override
  public String toString() {
    return table + " " + op + " @" + lsn + " " + values;
  }
}
