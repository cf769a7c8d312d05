package io.sluice.runtime.cdc;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * Some fields of a row, taken out as a {@code GenericRowData}.
 *
 * <p>{@link #copy} is for input rows, which the runtime reuses: it copies the values deeply, in
 * the form they have when read back from a serialized row ({@code BinaryStringData},
 * {@code BinaryArrayData}, ...). Rows built from state restored from a checkpoint hold values of
 * that same form, so a row emitted before a restore and its retraction emitted after it are equal.
 * {@link #read} is for rows this package owns (its state), whose values are already in that form.
 */
final class Fields {
  private final RowData.FieldGetter[] getters;
  private final RowData.FieldGetter[] own;
  private final RowDataSerializer serializer;

  /** The fields at {@code positions}, of the {@code declared} types (read as nullable in any case). */
  Fields(int[] positions, LogicalType[] declared) {
    LogicalType[] types = ChangeEvents.nullable(declared);
    getters = new RowData.FieldGetter[types.length];
    own = new RowData.FieldGetter[types.length];
    for (int i = 0; i < types.length; i++) {
      getters[i] = RowData.createFieldGetter(types[i], positions[i]);
      own[i] = RowData.createFieldGetter(types[i], i);
    }
    serializer = new RowDataSerializer(types);
  }

  /** The {@code types.length} fields from {@code offset} on. */
  static Fields from(int offset, LogicalType[] types) {
    int[] positions = new int[types.length];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = offset + i;
    }
    return new Fields(positions, types);
  }

  int arity() {
    return getters.length;
  }

  /** A deep copy of the fields of a row that may be reused. */
  GenericRowData copy(RowData row) {
    BinaryRowData binary = serializer.toBinaryRow(read(row)).copy();
    GenericRowData out = new GenericRowData(own.length);
    for (int i = 0; i < own.length; i++) {
      out.setField(i, own[i].getFieldOrNull(binary));
    }
    return out;
  }

  /** The fields of a row this package owns, without copying. */
  GenericRowData read(RowData row) {
    GenericRowData out = new GenericRowData(getters.length);
    for (int i = 0; i < getters.length; i++) {
      out.setField(i, getters[i].getFieldOrNull(row));
    }
    return out;
  }

  /** The index (among these fields) of the first one that is NULL in {@code row}, or -1. */
  int firstNull(RowData row) {
    for (int i = 0; i < getters.length; i++) {
      if (getters[i].getFieldOrNull(row) == null) {
        return i;
      }
    }
    return -1;
  }
}
