package io.sluice.connectors.files;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.NullType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The type a single plain value suggests. JSON: numbers BIGINT (DOUBLE when fractional or beyond
 * 64 bits), booleans BOOLEAN, strings STRING, objects ROW, arrays ARRAY of their widened elements.
 * Text (CSV): BOOLEAN, BIGINT or DOUBLE when the text reads as one, else STRING. Null is NULL.
 * Without type inference every leaf is STRING.
 */
final class ValueTypes {
  private ValueTypes() {}

  static LogicalType of(Object value, boolean inferTypes, boolean valuesAreText) {
    if (value == null) {
      return new NullType();
    }
    if (value instanceof Map<?, ?> map) {
      List<RowType.RowField> fields = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        fields.add(new RowType.RowField(
            String.valueOf(entry.getKey()), of(entry.getValue(), inferTypes, valuesAreText)));
      }
      return new RowType(fields);
    }
    if (value instanceof List<?> list) {
      LogicalType element = new NullType();
      for (Object item : list) {
        element = TypeWidening.widen(element, of(item, inferTypes, valuesAreText));
      }
      return new ArrayType(element);
    }
    if (!inferTypes) {
      return TypeWidening.string();
    }
    return valuesAreText && value instanceof String text ? ofText(text) : ofJson(value);
  }

  private static LogicalType ofJson(Object value) {
    if (value instanceof Boolean) {
      return new BooleanType();
    }
    if (value instanceof Integer || value instanceof Long) {
      return new BigIntType();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() <= 63 ? new BigIntType() : new DoubleType();
    }
    if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
      return new DoubleType();
    }
    return TypeWidening.string();
  }

  private static LogicalType ofText(String text) {
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return new BooleanType();
    }
    try {
      Long.parseLong(t);
      return new BigIntType();
    } catch (NumberFormatException notLong) {
      try {
        ScalarConversions.floating(t);
        return new DoubleType();
      } catch (ConversionFailure notDouble) {
        return TypeWidening.string();
      }
    }
  }
}
