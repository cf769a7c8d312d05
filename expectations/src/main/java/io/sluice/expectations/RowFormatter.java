package io.sluice.expectations;

import java.time.LocalDate;
import java.time.LocalTime;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Renders a row for an error message: {@code {order_id=NULL, name='Bob', amount=-5.00,
 * day=2024-05-01}}. Strings are quoted, decimals plain, dates and times ISO-8601, binary as hex;
 * long strings and long rows are cut, ending in "...".
 */
final class RowFormatter {
  static final int MAX_ROW_CHARS = 1_000;
  static final int MAX_VALUE_CHARS = 100;

  private RowFormatter() {}

  static String format(RowData row, RowType type) {
    StringBuilder out = new StringBuilder();
    row(out, row, type);
    return out.length() <= MAX_ROW_CHARS ? out.toString() : out.substring(0, MAX_ROW_CHARS) + "...";
  }

  private static void row(StringBuilder out, RowData row, RowType type) {
    out.append('{');
    for (int i = 0; i < type.getFieldCount() && out.length() <= MAX_ROW_CHARS; i++) {
      out.append(i == 0 ? "" : ", ").append(type.getFieldNames().get(i)).append('=');
      value(out, RowData.createFieldGetter(type.getTypeAt(i), i).getFieldOrNull(row),
          type.getTypeAt(i));
    }
    out.append('}');
  }

  private static void value(StringBuilder out, Object value, LogicalType type) {
    if (value == null) {
      out.append("NULL");
      return;
    }
    switch (type.getTypeRoot()) {
      case CHAR, VARCHAR -> out.append('\'').append(cut(value.toString())).append('\'');
      case DECIMAL -> out.append(((DecimalData) value).toBigDecimal().toPlainString());
      case DATE -> out.append(LocalDate.ofEpochDay((Integer) value));
      case TIME_WITHOUT_TIME_ZONE -> out.append(LocalTime.ofNanoOfDay((Integer) value * 1_000_000L));
      case TIMESTAMP_WITHOUT_TIME_ZONE -> out.append(((TimestampData) value).toLocalDateTime());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> out.append(((TimestampData) value).toInstant());
      case BINARY, VARBINARY -> out.append("x'").append(cut(hex((byte[]) value))).append('\'');
      case ARRAY -> array(out, (ArrayData) value, ((ArrayType) type).getElementType());
      case MAP -> map(out, (MapData) value, ((MapType) type).getKeyType(),
          ((MapType) type).getValueType());
      case MULTISET -> map(out, (MapData) value, ((MultisetType) type).getElementType(),
          new IntType(false));
      case ROW -> row(out, (RowData) value, (RowType) type);
      default -> out.append(cut(value.toString()));
    }
  }

  private static void array(StringBuilder out, ArrayData array, LogicalType element) {
    ArrayData.ElementGetter getter = ArrayData.createElementGetter(element);
    out.append('[');
    for (int i = 0; i < array.size() && out.length() <= MAX_ROW_CHARS; i++) {
      out.append(i == 0 ? "" : ", ");
      value(out, getter.getElementOrNull(array, i), element);
    }
    out.append(']');
  }

  private static void map(StringBuilder out, MapData map, LogicalType key, LogicalType value) {
    ArrayData.ElementGetter keys = ArrayData.createElementGetter(key);
    ArrayData.ElementGetter values = ArrayData.createElementGetter(value);
    out.append('{');
    for (int i = 0; i < map.size() && out.length() <= MAX_ROW_CHARS; i++) {
      out.append(i == 0 ? "" : ", ");
      value(out, keys.getElementOrNull(map.keyArray(), i), key);
      out.append('=');
      value(out, values.getElementOrNull(map.valueArray(), i), value);
    }
    out.append('}');
  }

  private static String cut(String text) {
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < bytes.length && hex.length() <= MAX_VALUE_CHARS; i++) {
      hex.append(String.format("%02X", bytes[i]));
    }
    return hex.toString();
  }
}
