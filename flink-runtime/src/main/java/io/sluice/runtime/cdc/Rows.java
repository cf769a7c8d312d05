package io.sluice.runtime.cdc;

import org.apache.flink.table.data.GenericRowData;

/** Small operations on the value rows of a target. */
final class Rows {
  private Rows() {}

  /** IGNORE NULL UPDATES: {@code values}, with each NULL replaced by the value of {@code previous}. */
  static GenericRowData fillNulls(GenericRowData values, GenericRowData previous) {
    GenericRowData out = new GenericRowData(values.getArity());
    for (int i = 0; i < values.getArity(); i++) {
      out.setField(i, values.isNullAt(i) ? previous.getField(i) : values.getField(i));
    }
    return out;
  }

  /** Whether some column marked in {@code columns} differs between the two rows. */
  static boolean differ(GenericRowData a, GenericRowData b, boolean[] columns) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] && !java.util.Objects.equals(a.getField(i), b.getField(i))) {
        return true;
      }
    }
    return false;
  }
}
