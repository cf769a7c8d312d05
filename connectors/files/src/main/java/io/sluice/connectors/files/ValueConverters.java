package io.sluice.connectors.files;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;

/** Builds the {@link ValueConverter} tree for a column type once, before any record is read. */
final class ValueConverters {
  private ValueConverters() {}

  static ValueConverter forType(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return ValueConverter.scalar(ScalarConversions::bool);
      case TINYINT:
        return ValueConverter.scalar(v -> (byte) ScalarConversions.integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE));
      case SMALLINT:
        return ValueConverter.scalar(v -> (short) ScalarConversions.integral(v, Short.MIN_VALUE, Short.MAX_VALUE));
      case INTEGER:
        return ValueConverter.scalar(v -> (int) ScalarConversions.integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case BIGINT:
        return ValueConverter.scalar(v -> ScalarConversions.integral(v, Long.MIN_VALUE, Long.MAX_VALUE));
      case FLOAT:
        return ValueConverter.scalar(v -> (float) ScalarConversions.floating(v));
      case DOUBLE:
        return ValueConverter.scalar(ScalarConversions::floating);
      case DECIMAL:
        DecimalType decimal = (DecimalType) type;
        return ValueConverter.scalar(
            v -> ScalarConversions.decimal(v, decimal.getPrecision(), decimal.getScale()));
      case CHAR:
      case VARCHAR:
        return ValueConverter.scalar(ScalarConversions::string);
      case BINARY:
      case VARBINARY:
        return ValueConverter.scalar(ScalarConversions::bytes);
      case DATE:
        return ValueConverter.scalar(ScalarConversions::date);
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        int precision = ((TimestampType) type).getPrecision();
        return ValueConverter.scalar(v -> ScalarConversions.timestamp(v, precision));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        int ltzPrecision = ((LocalZonedTimestampType) type).getPrecision();
        return ValueConverter.scalar(v -> ScalarConversions.instant(v, ltzPrecision));
      case ARRAY:
        return array(forType(((ArrayType) type).getElementType()));
      case MAP:
        MapType map = (MapType) type;
        return map(forType(map.getKeyType()), forType(map.getValueType()));
      case ROW:
        return new RowValueConverter((RowType) type);
      default:
        throw new IllegalArgumentException(
            "Cannot read a column of type " + type + ": unsupported type. " + SupportedTypes.LIST);
    }
  }

  private static ValueConverter array(ValueConverter element) {
    return (value, rescue, path) -> {
      if (!(value instanceof List<?> list)) {
        throw ConversionFailure.INSTANCE;
      }
      Object[] result = new Object[list.size()];
      for (int i = 0; i < result.length; i++) {
        Object item = list.get(i);
        result[i] = item == null ? null : element.convert(item, Rescue.strict(), path);
      }
      return new GenericArrayData(result);
    };
  }

  private static ValueConverter map(ValueConverter key, ValueConverter value) {
    return (original, rescue, path) -> {
      if (!(original instanceof Map<?, ?> map)) {
        throw ConversionFailure.INSTANCE;
      }
      Map<Object, Object> result = new HashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getKey() == null) {
          throw ConversionFailure.INSTANCE;
        }
        Object v = entry.getValue();
        result.put(
            key.convert(entry.getKey(), Rescue.strict(), path),
            v == null ? null : value.convert(v, Rescue.strict(), path));
      }
      return new GenericMapData(result);
    };
  }
}
