package io.sluice.runtime.cdc;

import java.util.Comparator;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * The order of sequence values (rows of the SEQUENCE BY fields, none NULL): lexicographic over the
 * fields, each in its type's natural order. Numbers, DECIMAL, DATE, TIME and TIMESTAMP /
 * TIMESTAMP_LTZ compare by value; strings by their UTF-8 bytes, which is code point order.
 */
final class SequenceOrder implements Comparator<RowData> {
  private final RowData.FieldGetter[] getters;

  SequenceOrder(LogicalType[] types) {
    getters = new RowData.FieldGetter[types.length];
    for (int i = 0; i < types.length; i++) {
      getters[i] = RowData.createFieldGetter(types[i].copy(true), i);
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"}) // each field is a Comparable of its own type
  public int compare(RowData a, RowData b) {
    for (RowData.FieldGetter getter : getters) {
      Comparable left = (Comparable) getter.getFieldOrNull(a);
      Object right = getter.getFieldOrNull(b);
      if (left == null || right == null) {
        throw new IllegalArgumentException(
            "Cannot compare sequences with a NULL field; SEQUENCE BY values must not be NULL");
      }
      int c = left.compareTo(right);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
