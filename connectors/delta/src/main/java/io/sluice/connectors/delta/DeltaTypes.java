package io.sluice.connectors.delta;

import io.delta.kernel.types.ArrayType;
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
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;

/**
 * Maps Flink logical types to Delta Kernel data types and back.
 *
 * <p>Flink's {@code TIMESTAMP} (without time zone) becomes Delta's {@code timestamp_ntz} and
 * {@code TIMESTAMP_LTZ} becomes Delta's {@code timestamp}; both keep microseconds, so precisions
 * above 6 are refused rather than truncated. Delta map keys are never null, so a map read from
 * Delta has a {@code NOT NULL} key type. Strings and binaries lose their declared length.
 */
final class DeltaTypes {
  static final int MAX_TIMESTAMP_PRECISION = 6;

  private DeltaTypes() {}

  /** The Delta schema for a Flink row type; nullability is preserved at every level. */
  static StructType toKernel(RowType rowType) {
    return toStruct("", rowType);
  }

  /** The Flink row type for a Delta schema. */
  static RowType toFlink(StructType schema) {
    return (RowType) toFlink("", schema, true).copy(false);
  }

  static DataType toKernel(String column, LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return BooleanType.BOOLEAN;
      case TINYINT:
        return ByteType.BYTE;
      case SMALLINT:
        return ShortType.SHORT;
      case INTEGER:
        return IntegerType.INTEGER;
      case BIGINT:
        return LongType.LONG;
      case FLOAT:
        return FloatType.FLOAT;
      case DOUBLE:
        return DoubleType.DOUBLE;
      case DECIMAL:
        org.apache.flink.table.types.logical.DecimalType decimal =
            (org.apache.flink.table.types.logical.DecimalType) type;
        return new DecimalType(decimal.getPrecision(), decimal.getScale());
      case CHAR:
      case VARCHAR:
        return StringType.STRING;
      case BINARY:
      case VARBINARY:
        return BinaryType.BINARY;
      case DATE:
        return DateType.DATE;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        checkPrecision(column, type, "TIMESTAMP(6)");
        return TimestampNTZType.TIMESTAMP_NTZ;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        checkPrecision(column, type, "TIMESTAMP_LTZ(6)");
        return TimestampType.TIMESTAMP;
      case ARRAY:
        LogicalType element = ((org.apache.flink.table.types.logical.ArrayType) type)
            .getElementType();
        return new ArrayType(toKernel(column + ".element", element), element.isNullable());
      case MAP:
        org.apache.flink.table.types.logical.MapType map =
            (org.apache.flink.table.types.logical.MapType) type;
        return new MapType(
            toKernel(column + ".key", map.getKeyType()),
            toKernel(column + ".value", map.getValueType()),
            map.getValueType().isNullable());
      case ROW:
        return toStruct(column + ".", (RowType) type);
      default:
        throw unsupported(column, type);
    }
  }

  static LogicalType toFlink(String column, DataType type, boolean nullable) {
    if (type instanceof BooleanType) {
      return new org.apache.flink.table.types.logical.BooleanType(nullable);
    } else if (type instanceof ByteType) {
      return new org.apache.flink.table.types.logical.TinyIntType(nullable);
    } else if (type instanceof ShortType) {
      return new org.apache.flink.table.types.logical.SmallIntType(nullable);
    } else if (type instanceof IntegerType) {
      return new org.apache.flink.table.types.logical.IntType(nullable);
    } else if (type instanceof LongType) {
      return new org.apache.flink.table.types.logical.BigIntType(nullable);
    } else if (type instanceof FloatType) {
      return new org.apache.flink.table.types.logical.FloatType(nullable);
    } else if (type instanceof DoubleType) {
      return new org.apache.flink.table.types.logical.DoubleType(nullable);
    } else if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return new org.apache.flink.table.types.logical.DecimalType(
          nullable, decimal.getPrecision(), decimal.getScale());
    } else if (type instanceof StringType) {
      return new org.apache.flink.table.types.logical.VarCharType(
          nullable, org.apache.flink.table.types.logical.VarCharType.MAX_LENGTH);
    } else if (type instanceof BinaryType) {
      return new org.apache.flink.table.types.logical.VarBinaryType(
          nullable, org.apache.flink.table.types.logical.VarBinaryType.MAX_LENGTH);
    } else if (type instanceof DateType) {
      return new org.apache.flink.table.types.logical.DateType(nullable);
    } else if (type instanceof TimestampType) {
      return new LocalZonedTimestampType(nullable, MAX_TIMESTAMP_PRECISION);
    } else if (type instanceof TimestampNTZType) {
      return new org.apache.flink.table.types.logical.TimestampType(
          nullable, MAX_TIMESTAMP_PRECISION);
    } else if (type instanceof ArrayType) {
      ArrayType array = (ArrayType) type;
      return new org.apache.flink.table.types.logical.ArrayType(
          nullable, toFlink(column + ".element", array.getElementType(), array.containsNull()));
    } else if (type instanceof MapType) {
      MapType map = (MapType) type;
      return new org.apache.flink.table.types.logical.MapType(
          nullable,
          toFlink(column + ".key", map.getKeyType(), false),
          toFlink(column + ".value", map.getValueType(), map.isValueContainsNull()));
    } else if (type instanceof StructType) {
      List<RowType.RowField> fields = new ArrayList<>();
      for (StructField field : ((StructType) type).fields()) {
        String name = column.isEmpty() ? field.getName() : column + "." + field.getName();
        fields.add(new RowType.RowField(
            field.getName(), toFlink(name, field.getDataType(), field.isNullable())));
      }
      return new RowType(nullable, fields);
    }
    throw new IllegalArgumentException(String.format(
        "Cannot read column %s of Delta type %s: Sluice has no Flink type for it. "
            + "Read the table without that column (for example through a view that drops it).",
        column, type));
  }

  /** Whether the type is, or nests, a type of the given class. */
  static boolean contains(DataType type, Class<? extends DataType> wanted) {
    if (wanted.isInstance(type)) {
      return true;
    } else if (type instanceof ArrayType) {
      return contains(((ArrayType) type).getElementType(), wanted);
    } else if (type instanceof MapType) {
      return contains(((MapType) type).getKeyType(), wanted)
          || contains(((MapType) type).getValueType(), wanted);
    } else if (type instanceof StructType) {
      return ((StructType) type).fields().stream()
          .anyMatch(field -> contains(field.getDataType(), wanted));
    }
    return false;
  }

  private static StructType toStruct(String prefix, RowType rowType) {
    List<StructField> fields = new ArrayList<>();
    for (RowType.RowField field : rowType.getFields()) {
      DataType type = toKernel(prefix + field.getName(), field.getType());
      fields.add(new StructField(field.getName(), type, field.getType().isNullable()));
    }
    return new StructType(fields);
  }

  private static void checkPrecision(String column, LogicalType type, String castTo) {
    if (LogicalTypeChecks.getPrecision(type) > MAX_TIMESTAMP_PRECISION) {
      throw new IllegalArgumentException(String.format(
          "Cannot store column %s of type %s in a Delta table: Delta keeps timestamps to the "
              + "microsecond. Use CAST(%s AS %s).",
          column, type.asSummaryString(), column, castTo));
    }
  }

  private static IllegalArgumentException unsupported(String column, LogicalType type) {
    String hint;
    switch (type.getTypeRoot()) {
      case TIME_WITHOUT_TIME_ZONE:
        hint = "Delta has no time-of-day type. Use STRING, or INT milliseconds of the day.";
        break;
      case TIMESTAMP_WITH_TIME_ZONE:
        hint = "Delta stores instants without their zone. Use TIMESTAMP_LTZ.";
        break;
      case INTERVAL_YEAR_MONTH:
      case INTERVAL_DAY_TIME:
        hint = "Delta has no interval type. Use BIGINT (months or milliseconds).";
        break;
      case MULTISET:
        hint = "Delta has no multiset type. Use MAP<element, INT> or ARRAY.";
        break;
      default:
        hint = "Delta has no such type. Use a ROW of supported types, or CAST the column to "
            + "STRING.";
    }
    return new IllegalArgumentException(String.format(
        "Cannot store column %s of type %s in a Delta table: %s",
        column, type.asSummaryString(), hint));
  }
}
