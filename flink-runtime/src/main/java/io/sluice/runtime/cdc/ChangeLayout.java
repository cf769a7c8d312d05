package io.sluice.runtime.cdc;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

/**
 * Where an AUTO CDC flow finds the parts of a change event in its input rows, and how the target
 * keeps them. The arrays are copied on construction; do not modify the ones the accessors return.
 *
 * @param valueFields positions in the input row of the target's value columns, in target order
 * @param valueTypes their types (same length)
 * @param sequenceFields positions in the input of the sequence values, compared left to right
 * @param sequenceTypes their types: numeric, DECIMAL, CHAR/VARCHAR, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ
 * @param deleteField position of a BOOLEAN "apply as delete" flag, or -1 (a NULL flag is no delete)
 * @param scdType 1 (latest row per key) or 2 (history with {@code __START_AT}, {@code __END_AT})
 * @param tracked per value column: whether its changes open a new SCD2 version; {@code null}: all
 * @param tombstoneRetentionMillis SCD1: how long (processing time) a deleted key's tombstone stays
 */
public record ChangeLayout(int[] valueFields, LogicalType[] valueTypes, int[] sequenceFields,
    LogicalType[] sequenceTypes, int deleteField, boolean ignoreNullUpdates, int scdType, boolean[] tracked,
    long tombstoneRetentionMillis) implements Serializable {

  private static final Set<LogicalTypeRoot> SEQUENCE_ROOTS = EnumSet.of(LogicalTypeRoot.TINYINT,
      LogicalTypeRoot.SMALLINT, LogicalTypeRoot.INTEGER, LogicalTypeRoot.BIGINT, LogicalTypeRoot.FLOAT,
      LogicalTypeRoot.DOUBLE, LogicalTypeRoot.DECIMAL, LogicalTypeRoot.CHAR, LogicalTypeRoot.VARCHAR,
      LogicalTypeRoot.DATE, LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE, LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
      LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

  public ChangeLayout {
    Objects.requireNonNull(valueFields, "valueFields");
    Objects.requireNonNull(valueTypes, "valueTypes");
    Objects.requireNonNull(sequenceFields, "sequenceFields");
    Objects.requireNonNull(sequenceTypes, "sequenceTypes");
    check(valueFields.length > 0 && valueFields.length == valueTypes.length,
        "%d value fields with %d value types; give one type per target value column", valueFields.length,
        valueTypes.length);
    check(sequenceFields.length > 0 && sequenceFields.length == sequenceTypes.length,
        "%d sequence fields with %d sequence types; SEQUENCE BY needs at least one field and one type per field",
        sequenceFields.length, sequenceTypes.length);
    checkPositions("value", valueFields);
    checkPositions("sequence", sequenceFields);
    for (LogicalType t : sequenceTypes) {
      check(t != null && SEQUENCE_ROOTS.contains(t.getTypeRoot()),
          "cannot order sequences of type %s; SEQUENCE BY a numeric, string, DATE, TIME or TIMESTAMP column", t);
    }
    for (LogicalType t : valueTypes) {
      check(t != null, "a value type is null; give the type of every value column");
    }
    check(deleteField >= -1, "delete field %d; give its position or -1 for none", deleteField);
    check(scdType == 1 || scdType == 2, "SCD type %d; use 1 or 2", scdType);
    check(tracked == null || tracked.length == valueFields.length,
        "%d tracked flags for %d value columns; give one per value column or null to track all",
        tracked == null ? 0 : tracked.length, valueFields.length);
    check(tombstoneRetentionMillis >= 0, "tombstone retention %d ms; it must not be negative",
        tombstoneRetentionMillis);
    valueFields = valueFields.clone();
    valueTypes = valueTypes.clone();
    sequenceFields = sequenceFields.clone();
    sequenceTypes = sequenceTypes.clone();
    if (tracked == null) {
      tracked = new boolean[valueFields.length];
      Arrays.fill(tracked, true);
    } else {
      tracked = tracked.clone();
    }
  }

  /**
   * The types of the rows the applier emits: the value columns; for SCD type 2 then
   * {@code __START_AT} and {@code __END_AT} (nullable), of the sequence's type, or a ROW of the
   * sequence fields when there are several.
   */
  public LogicalType[] targetTypes() {
    if (scdType == 1) {
      return valueTypes.clone();
    }
    LogicalType[] out = Arrays.copyOf(valueTypes, valueTypes.length + 2);
    LogicalType sequence = sequenceTypes.length == 1 ? sequenceTypes[0] : RowType.of(sequenceTypes);
    out[valueTypes.length] = sequence.copy(false);
    out[valueTypes.length + 1] = sequence.copy(true);
    return out;
  }

  private static void checkPositions(String what, int[] fields) {
    for (int f : fields) {
      check(f >= 0, "%s field %d; positions in the input start at 0", what, f);
    }
  }

  private static void check(boolean ok, String problem, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException("Cannot apply changes: " + String.format(problem, args));
    }
  }
}
