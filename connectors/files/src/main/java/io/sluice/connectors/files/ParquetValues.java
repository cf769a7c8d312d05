package io.sluice.connectors.files;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Turns a Parquet record into plain Java values: structs become maps, LIST and repeated fields
 * lists, MAP maps; logical types become {@link LocalDate}, {@link LocalDateTime} (timestamps not
 * adjusted to UTC), {@link Instant} (adjusted, and INT96), {@link BigDecimal}, {@link String}.
 */
final class ParquetValues {
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;

  private ParquetValues() {}

  static Map<String, Object> record(Group group) {
    GroupType type = group.getType();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < type.getFieldCount(); i++) {
      fields.put(type.getFieldName(i), field(group, i));
    }
    return fields;
  }

  private static Object field(Group group, int field) {
    Type type = group.getType().getType(field);
    int count = group.getFieldRepetitionCount(field);
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      List<Object> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(value(group, field, i));
      }
      return values;
    }
    return count == 0 ? null : value(group, field, 0);
  }

  private static Object value(Group group, int field, int index) {
    Type type = group.getType().getType(field);
    if (type.isPrimitive()) {
      return primitive(group, field, index, type.asPrimitiveType());
    }
    Group child = group.getGroup(field, index);
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        && child.getType().getFieldCount() == 1) {
      return list(child);
    }
    if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      return map(child);
    }
    return record(child);
  }

  private static List<Object> list(Group list) {
    Type repeated = list.getType().getType(0);
    boolean twoLevel = ParquetSchema.isTwoLevelList(list.getType(), repeated);
    int count = list.getFieldRepetitionCount(0);
    List<Object> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (twoLevel) {
        values.add(value(list, 0, i));
      } else {
        Group element = list.getGroup(0, i);
        values.add(element.getFieldRepetitionCount(0) == 0 ? null : value(element, 0, 0));
      }
    }
    return values;
  }

  private static Map<Object, Object> map(Group map) {
    int count = map.getFieldRepetitionCount(0);
    Map<Object, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Group entry = map.getGroup(0, i);
      Object key = entry.getFieldRepetitionCount(0) == 0 ? null : value(entry, 0, 0);
      boolean hasValue = entry.getType().getFieldCount() > 1 && entry.getFieldRepetitionCount(1) > 0;
      values.put(key, hasValue ? value(entry, 1, 0) : null);
    }
    return values;
  }

  private static Object primitive(Group group, int field, int index, PrimitiveType type) {
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case BOOLEAN:
        return group.getBoolean(field, index);
      case INT32:
        return int32(group.getInteger(field, index), annotation);
      case INT64:
        return int64(group.getLong(field, index), annotation);
      case INT96:
        return int96(group.getInt96(field, index));
      case FLOAT:
        return group.getFloat(field, index);
      case DOUBLE:
        return group.getDouble(field, index);
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        return binary(group.getBinary(field, index), annotation);
      default:
        throw new IllegalStateException("Unknown Parquet type " + type);
    }
  }

  private static Object int32(int v, LogicalTypeAnnotation annotation) {
    if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(v);
    }
    if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
      return BigDecimal.valueOf(v, decimal.getScale());
    }
    if (annotation instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
      return Integer.toUnsignedLong(v);
    }
    if (annotation instanceof TimeLogicalTypeAnnotation) {
      return LocalTime.ofNanoOfDay(v * 1_000_000L);
    }
    return v;
  }

  private static Object int64(long v, LogicalTypeAnnotation annotation) {
    if (annotation instanceof TimestampLogicalTypeAnnotation ts) {
      Instant instant = instant(v, ts.getUnit());
      return ts.isAdjustedToUTC() ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
      return BigDecimal.valueOf(v, decimal.getScale());
    }
    if (annotation instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
      return new BigInteger(Long.toUnsignedString(v));
    }
    if (annotation instanceof TimeLogicalTypeAnnotation time) {
      return LocalTime.ofNanoOfDay(Math.multiplyExact(v, time.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? 1_000L : 1L));
    }
    return v;
  }

  private static Instant instant(long v, LogicalTypeAnnotation.TimeUnit unit) {
    switch (unit) {
      case MILLIS:
        return Instant.ofEpochMilli(v);
      case MICROS:
        return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
      case NANOS:
        return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
      default:
        throw new IllegalStateException("Unknown time unit " + unit);
    }
  }

  private static Instant int96(Binary binary) {
    ByteBuffer buffer = binary.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buffer.getLong();
    long julianDay = Integer.toUnsignedLong(buffer.getInt());
    return Instant.ofEpochSecond((julianDay - JULIAN_EPOCH_DAY) * 86_400L, nanosOfDay);
  }

  private static Object binary(Binary binary, LogicalTypeAnnotation annotation) {
    if (annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
      return binary.toStringUsingUTF8();
    }
    if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
      return new BigDecimal(new BigInteger(binary.getBytes()), decimal.getScale());
    }
    if (annotation instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
      ByteBuffer buffer = binary.toByteBuffer();
      return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
    return binary.getBytes();
  }
}
