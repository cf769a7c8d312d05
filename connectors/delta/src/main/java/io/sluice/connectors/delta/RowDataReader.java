package io.sluice.connectors.delta;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.MapValue;
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
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * Turns rows of Kernel columnar batches into Flink {@link RowData} with Flink's internal data
 * structures (the inverse of {@link FlinkColumnVector}). The per-type conversions are chosen once
 * for a schema, not per value.
 */
final class RowDataReader {
  /** Reads one value of a vector as a Flink internal value; the vector is not null there. */
  private interface ValueReader {
    Object read(ColumnVector vector, int rowId);
  }

  private final ValueReader[] fields;

  RowDataReader(StructType schema) {
    this.fields = new ValueReader[schema.length()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = readerFor(schema.at(i).getDataType());
    }
  }

  /** Row {@code rowId} of the batch, whose schema must be the one this reader was built for. */
  RowData read(ColumnarBatch batch, int rowId) {
    GenericRowData row = new GenericRowData(fields.length);
    for (int i = 0; i < fields.length; i++) {
      row.setField(i, value(fields[i], batch.getColumnVector(i), rowId));
    }
    return row;
  }

  /** Row {@code rowId} of a struct vector of the schema this reader was built for. */
  GenericRowData readStruct(ColumnVector struct, int rowId) {
    return struct(fields, struct, rowId);
  }

  private static Object value(ValueReader reader, ColumnVector vector, int rowId) {
    return vector.isNullAt(rowId) ? null : reader.read(vector, rowId);
  }

  private static ValueReader readerFor(DataType type) {
    if (type instanceof BooleanType) {
      return ColumnVector::getBoolean;
    } else if (type instanceof ByteType) {
      return ColumnVector::getByte;
    } else if (type instanceof ShortType) {
      return ColumnVector::getShort;
    } else if (type instanceof IntegerType || type instanceof DateType) {
      return ColumnVector::getInt;
    } else if (type instanceof LongType) {
      return ColumnVector::getLong;
    } else if (type instanceof FloatType) {
      return ColumnVector::getFloat;
    } else if (type instanceof DoubleType) {
      return ColumnVector::getDouble;
    } else if (type instanceof StringType) {
      return (v, i) -> StringData.fromString(v.getString(i));
    } else if (type instanceof BinaryType) {
      return ColumnVector::getBinary;
    } else if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return (v, i) -> DecimalData.fromBigDecimal(
          v.getDecimal(i), decimal.getPrecision(), decimal.getScale());
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return (v, i) -> timestamp(v.getLong(i));
    } else if (type instanceof ArrayType) {
      ValueReader element = readerFor(((ArrayType) type).getElementType());
      return (v, i) -> array(element, v.getArray(i));
    } else if (type instanceof MapType) {
      ValueReader key = readerFor(((MapType) type).getKeyType());
      ValueReader value = readerFor(((MapType) type).getValueType());
      return (v, i) -> map(key, value, v.getMap(i));
    } else if (type instanceof StructType) {
      StructType struct = (StructType) type;
      ValueReader[] children = new ValueReader[struct.length()];
      for (int c = 0; c < children.length; c++) {
        children[c] = readerFor(struct.at(c).getDataType());
      }
      return (v, i) -> struct(children, v, i);
    }
    throw new IllegalArgumentException(
        "Cannot read Delta type " + type + " into Flink: it has no Flink equivalent. "
            + "Read the table without that column.");
  }

  private static TimestampData timestamp(long micros) {
    long millis = Math.floorDiv(micros, 1000L);
    int nanos = (int) Math.floorMod(micros, 1000L) * 1000;
    return TimestampData.fromEpochMillis(millis, nanos);
  }

  private static GenericArrayData array(ValueReader element, ArrayValue array) {
    ColumnVector elements = array.getElements();
    Object[] values = new Object[array.getSize()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(element, elements, i);
    }
    return new GenericArrayData(values);
  }

  private static GenericMapData map(ValueReader key, ValueReader value, MapValue map) {
    Map<Object, Object> entries = new LinkedHashMap<>();
    for (int i = 0; i < map.getSize(); i++) {
      entries.put(value(key, map.getKeys(), i), value(value, map.getValues(), i));
    }
    return new GenericMapData(entries);
  }

  private static GenericRowData struct(ValueReader[] children, ColumnVector vector, int rowId) {
    GenericRowData row = new GenericRowData(children.length);
    for (int c = 0; c < children.length; c++) {
      row.setField(c, value(children[c], vector.getChild(c), rowId));
    }
    return row;
  }
}
