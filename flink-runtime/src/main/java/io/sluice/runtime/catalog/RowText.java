package io.sluice.runtime.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/** Flink internal values as readable text (dates as dates, NULL as "NULL"). */
final class RowText {
  private RowText() {}

  static List<String> format(RowData row, RowType type) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Object v = RowData.createFieldGetter(type.getTypeAt(i), i).getFieldOrNull(row);
      values.add(value(v, type.getTypeAt(i)));
    }
    return values;
  }

  static String value(Object v, LogicalType type) {
    if (v == null) {
      return "NULL";
    }
    if (type instanceof DateType && v instanceof Integer days) {
      return LocalDate.ofEpochDay(days).toString();
    }
    if (type instanceof RowType r && v instanceof RowData nested) {
      return "{" + String.join(", ", format(nested, r)) + "}";
    }
    if (type instanceof ArrayType a && v instanceof ArrayData array) {
      List<String> items = new ArrayList<>();
      ArrayData.ElementGetter getter = ArrayData.createElementGetter(a.getElementType());
      for (int i = 0; i < array.size(); i++) {
        items.add(value(getter.getElementOrNull(array, i), a.getElementType()));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (type instanceof MapType m && v instanceof MapData map) {
      return "{" + value(map.keyArray(), new ArrayType(m.getKeyType())) + " -> "
          + value(map.valueArray(), new ArrayType(m.getValueType())) + "}";
    }
    return v.toString();
  }
}
