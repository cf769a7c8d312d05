package io.sluice.connectors.delta;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * A Kernel column vector that reads Flink internal values (StringData, DecimalData,
 * TimestampData, ArrayData, MapData, RowData, boxed primitives) without copying them.
 *
 * <p>Values are addressed by row id through a function, so the same class serves a field of
 * buffered rows, the elements of an array, the keys or values of a map and the fields of a nested
 * row. Dates are Flink's epoch days; timestamps become Delta's microseconds since the epoch.
 */
final class FlinkColumnVector implements ColumnVector {
  private final String column;
  private final DataType type;
  private final LogicalType flinkType;
  private final int size;
  private final IntFunction<Object> values;

  FlinkColumnVector(String column, DataType type, LogicalType flinkType, int size,
      IntFunction<Object> values) {
    this.column = column;
    this.type = type;
    this.flinkType = flinkType;
    this.size = size;
    this.values = values;
  }

  /** The vector of field {@code pos} of the given rows. */
  static FlinkColumnVector ofField(String column, DataType type, RowType rowType,
      List<RowData> rows, int pos) {
    LogicalType fieldType = rowType.getTypeAt(pos);
    RowData.FieldGetter getter = RowData.createFieldGetter(fieldType, pos);
    return new FlinkColumnVector(column, type, fieldType, rows.size(),
        i -> getter.getFieldOrNull(rows.get(i)));
  }

  @Override
  public DataType getDataType() {
    return type;
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int rowId) {
    return values.apply(rowId) == null;
  }

  @Override
  public boolean getBoolean(int rowId) {
    return (Boolean) values.apply(rowId);
  }

  @Override
  public byte getByte(int rowId) {
    return (Byte) values.apply(rowId);
  }

  @Override
  public short getShort(int rowId) {
    return (Short) values.apply(rowId);
  }

  @Override
  public int getInt(int rowId) {
    return (Integer) values.apply(rowId);
  }

  @Override
  public long getLong(int rowId) {
    Object value = values.apply(rowId);
    return value instanceof TimestampData ? micros((TimestampData) value) : (Long) value;
  }

  @Override
  public float getFloat(int rowId) {
    return (Float) values.apply(rowId);
  }

  @Override
  public double getDouble(int rowId) {
    return (Double) values.apply(rowId);
  }

  @Override
  public byte[] getBinary(int rowId) {
    return (byte[]) values.apply(rowId);
  }

  @Override
  public String getString(int rowId) {
    return ((StringData) values.apply(rowId)).toString();
  }

  @Override
  public BigDecimal getDecimal(int rowId) {
    return ((DecimalData) values.apply(rowId)).toBigDecimal();
  }

  @Override
  public ArrayValue getArray(int rowId) {
    ArrayData array = (ArrayData) values.apply(rowId);
    ColumnVector elements = elements(column + ".element", ((ArrayType) type).getElementType(),
        flinkType.getChildren().get(0), array);
    return new ArrayValue() {
      @Override
      public int getSize() {
        return array.size();
      }

      @Override
      public ColumnVector getElements() {
        return elements;
      }
    };
  }

  @Override
  public MapValue getMap(int rowId) {
    MapData map = (MapData) values.apply(rowId);
    MapType mapType = (MapType) type;
    List<LogicalType> children = flinkType.getChildren();
    ColumnVector keys = elements(column + ".key", mapType.getKeyType(), children.get(0),
        map.keyArray());
    for (int i = 0; i < map.size(); i++) {
      if (keys.isNullAt(i)) {
        throw new IllegalArgumentException(String.format(
            "Cannot write a null key in map column %s to a Delta table: Delta map keys are never "
                + "null. Filter out or COALESCE null keys before the sink.", column));
      }
    }
    ColumnVector vals = elements(column + ".value", mapType.getValueType(), children.get(1),
        map.valueArray());
    return new MapValue() {
      @Override
      public int getSize() {
        return map.size();
      }

      @Override
      public ColumnVector getKeys() {
        return keys;
      }

      @Override
      public ColumnVector getValues() {
        return vals;
      }
    };
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    StructType struct = (StructType) type;
    RowType rowType = (RowType) flinkType;
    RowData.FieldGetter getter = RowData.createFieldGetter(rowType.getTypeAt(ordinal), ordinal);
    return new FlinkColumnVector(column + "." + struct.at(ordinal).getName(),
        struct.at(ordinal).getDataType(), rowType.getTypeAt(ordinal), size,
        i -> {
          Object row = values.apply(i);
          return row == null ? null : getter.getFieldOrNull((RowData) row);
        });
  }

  static long micros(TimestampData timestamp) {
    return Math.addExact(Math.multiplyExact(timestamp.getMillisecond(), 1000L),
        timestamp.getNanoOfMillisecond() / 1000);
  }

  private static ColumnVector elements(String column, DataType type, LogicalType flinkType,
      ArrayData array) {
    ArrayData.ElementGetter getter = ArrayData.createElementGetter(flinkType);
    return new FlinkColumnVector(column, type, flinkType, array.size(),
        i -> getter.getElementOrNull(array, i));
  }
}
