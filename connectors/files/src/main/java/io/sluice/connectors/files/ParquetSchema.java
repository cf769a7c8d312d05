package io.sluice.connectors.files;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.FloatType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.SmallIntType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.TinyIntType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The Flink row type of a Parquet file schema, matching the plain values {@link ParquetValues}
 * produces. Types Flink cannot hold exactly (TIME, decimals over 38 digits) become STRING.
 */
final class ParquetSchema {
  private ParquetSchema() {}

  static RowType rowType(GroupType group) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (Type field : group.getFields()) {
      LogicalType type = valueType(field);
      fields.add(new RowType.RowField(
          field.getName(),
          field.isRepetition(Type.Repetition.REPEATED) ? new ArrayType(type) : type));
    }
    return new RowType(fields);
  }

  /** Whether the repeated field of a LIST group is the element itself (the legacy two-level form). */
  static boolean isTwoLevelList(GroupType list, Type repeated) {
    if (repeated.isPrimitive()) {
      return true;
    }
    GroupType group = repeated.asGroupType();
    return group.getFieldCount() > 1
        || group.getName().equals("array")
        || group.getName().equals(list.getName() + "_tuple");
  }

  private static LogicalType valueType(Type type) {
    if (type.isPrimitive()) {
      return primitive(type.asPrimitiveType());
    }
    GroupType group = type.asGroupType();
    LogicalTypeAnnotation annotation = group.getLogicalTypeAnnotation();
    if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        && group.getFieldCount() == 1) {
      Type repeated = group.getType(0);
      Type element = isTwoLevelList(group, repeated) ? repeated : repeated.asGroupType().getType(0);
      return new ArrayType(valueType(element));
    }
    if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      GroupType entry = group.getType(0).asGroupType();
      LogicalType value =
          entry.getFieldCount() > 1 ? valueType(entry.getType(1)) : new VarCharType(VarCharType.MAX_LENGTH);
      return new MapType(valueType(entry.getType(0)), value);
    }
    return rowType(group);
  }

  private static LogicalType primitive(PrimitiveType type) {
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
      return decimal.getPrecision() <= DecimalType.MAX_PRECISION
          ? new DecimalType(decimal.getPrecision(), decimal.getScale())
          : string();
    }
    if (annotation instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
      return string();
    }
    switch (type.getPrimitiveTypeName()) {
      case BOOLEAN:
        return new BooleanType();
      case INT32:
        return int32(annotation);
      case INT64:
        return int64(annotation);
      case INT96:
        return new TimestampType(9);
      case FLOAT:
        return new FloatType();
      case DOUBLE:
        return new DoubleType();
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        return new VarBinaryType(VarBinaryType.MAX_LENGTH);
      default:
        throw new IllegalStateException("Unknown Parquet type " + type);
    }
  }

  private static LogicalType int32(LogicalTypeAnnotation annotation) {
    if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return new DateType();
    }
    if (annotation instanceof IntLogicalTypeAnnotation i) {
      if (!i.isSigned()) {
        return new BigIntType();
      }
      return i.getBitWidth() == 8 ? new TinyIntType() : i.getBitWidth() == 16 ? new SmallIntType() : new IntType();
    }
    return new IntType();
  }

  private static LogicalType int64(LogicalTypeAnnotation annotation) {
    if (annotation instanceof TimestampLogicalTypeAnnotation ts) {
      int precision = ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS ? 3
          : ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? 6 : 9;
      return ts.isAdjustedToUTC() ? new LocalZonedTimestampType(precision) : new TimestampType(precision);
    }
    if (annotation instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
      return new DecimalType(20, 0);
    }
    return new BigIntType();
  }

  private static LogicalType string() {
    return new VarCharType(VarCharType.MAX_LENGTH);
  }
}
