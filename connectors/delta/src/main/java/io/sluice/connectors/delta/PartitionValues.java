package io.sluice.connectors.delta;

import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;

/**
 * The partition values of a row, in a text form that travels inside committables, and their
 * Kernel literals.
 *
 * <p>The text form is Sluice's own, not Delta's partition-value encoding (Kernel does that when
 * it builds the add actions): numbers and booleans in Java's notation, decimals as plain strings,
 * binaries as Base64, dates as epoch days, timestamps as epoch microseconds, null as null.
 */
final class PartitionValues {
  private final List<String> columns;
  private final RowData.FieldGetter[] getters;

  PartitionValues(RowType rowType, List<String> columns) {
    this.columns = List.copyOf(columns);
    this.getters = new RowData.FieldGetter[columns.size()];
    for (int i = 0; i < getters.length; i++) {
      int pos = rowType.getFieldIndex(columns.get(i));
      if (pos < 0) {
        throw new IllegalArgumentException(String.format(
            "Cannot partition by column %s: the rows have no such column (columns: %s). "
                + "Use one of the row's top-level columns.",
            columns.get(i), rowType.getFieldNames()));
      }
      getters[i] = RowData.createFieldGetter(rowType.getTypeAt(pos), pos);
    }
  }

  /** The partition of a row: column name to encoded value, in partition-column order. */
  Map<String, String> of(RowData row) {
    if (getters.length == 0) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < getters.length; i++) {
      values.put(columns.get(i), encode(getters[i].getFieldOrNull(row)));
    }
    return values;
  }

  /** Kernel literals for encoded partition values, typed by the table schema. */
  static Map<String, Literal> literals(StructType schema, Map<String, String> encoded) {
    Map<String, Literal> literals = new HashMap<>();
    encoded.forEach((column, value) ->
        literals.put(column, literal(schema.get(column).getDataType(), value)));
    return literals;
  }

  static String encode(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof DecimalData) {
      return ((DecimalData) value).toBigDecimal().toPlainString();
    } else if (value instanceof TimestampData) {
      return Long.toString(FlinkColumnVector.micros((TimestampData) value));
    } else if (value instanceof byte[]) {
      return Base64.getEncoder().encodeToString((byte[]) value);
    }
    return value.toString();
  }

  static Literal literal(DataType type, String value) {
    if (value == null) {
      return Literal.ofNull(type);
    } else if (type instanceof BooleanType) {
      return Literal.ofBoolean(Boolean.parseBoolean(value));
    } else if (type instanceof ByteType) {
      return Literal.ofByte(Byte.parseByte(value));
    } else if (type instanceof ShortType) {
      return Literal.ofShort(Short.parseShort(value));
    } else if (type instanceof IntegerType) {
      return Literal.ofInt(Integer.parseInt(value));
    } else if (type instanceof LongType) {
      return Literal.ofLong(Long.parseLong(value));
    } else if (type instanceof FloatType) {
      return Literal.ofFloat(Float.parseFloat(value));
    } else if (type instanceof DoubleType) {
      return Literal.ofDouble(Double.parseDouble(value));
    } else if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return Literal.ofDecimal(new BigDecimal(value), decimal.getPrecision(), decimal.getScale());
    } else if (type instanceof StringType) {
      return Literal.ofString(value);
    } else if (type instanceof BinaryType) {
      return Literal.ofBinary(Base64.getDecoder().decode(value));
    } else if (type instanceof DateType) {
      return Literal.ofDate(Integer.parseInt(value));
    } else if (type instanceof TimestampType) {
      return Literal.ofTimestamp(Long.parseLong(value));
    } else if (type instanceof TimestampNTZType) {
      return Literal.ofTimestampNtz(Long.parseLong(value));
    }
    throw new IllegalArgumentException(String.format(
        "Cannot partition a Delta table by a column of type %s: Delta partitions only by "
            + "primitive columns. Partition by a STRING, number, DATE or TIMESTAMP column.",
        type));
  }
}
