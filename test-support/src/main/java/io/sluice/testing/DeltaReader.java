package io.sluice.testing;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads a Delta table with nothing but Delta Kernel's documented read loop (scan files, Parquet
 * handler, {@code Scan.transformPhysicalData}) into plain Java values: an independent check of
 * what Sluice wrote, sharing no code with Sluice's own Delta connector.
 *
 * <p>Values: Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal, String, byte[],
 * LocalDate (date), Instant (timestamp), LocalDateTime (timestamp_ntz), List (array), null. Maps
 * and structs are not needed by the tests and are read as their type's name.
 */
public final class DeltaReader {
  private final Engine engine = DefaultEngine.create(new Configuration());
  private final String path;

  private DeltaReader(String path) {
    this.path = path;
  }

  public static DeltaReader of(Path table) {
    return new DeltaReader(table.toAbsolutePath().toUri().toString());
  }

  public long version() {
    return snapshot().getVersion();
  }

  public List<String> columns() {
    return snapshot().getSchema().fieldNames();
  }

  /** Every row of the latest snapshot, as column name → value. */
  public List<Map<String, Object>> rows() {
    Snapshot snapshot = snapshot();
    StructType schema = snapshot.getSchema();
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    List<Map<String, Object>> out = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> scanFiles = files.next().getRows()) {
          while (scanFiles.hasNext()) {
            Row scanFile = scanFiles.next();
            FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                .readParquetFiles(singleton(file), physical, Optional.empty())
                .map(r -> r.getData());
            try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, scanState, scanFile, data)) {
              while (logical.hasNext()) {
                collect(logical.next(), schema, out);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private Snapshot snapshot() {
    return TableManager.loadSnapshot(path).build(engine);
  }

  private static void collect(FilteredColumnarBatch batch, StructType schema, List<Map<String, Object>> out) {
    ColumnarBatch data = batch.getData();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    for (int i = 0; i < data.getSize(); i++) {
      if (selection.isPresent() && (selection.get().isNullAt(i) || !selection.get().getBoolean(i))) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < schema.length(); c++) {
        StructField f = schema.at(c);
        row.put(f.getName(), value(data.getColumnVector(c), f.getDataType(), i));
      }
      out.add(row);
    }
  }

  private static Object value(ColumnVector v, DataType type, int i) {
    if (v.isNullAt(i)) {
      return null;
    }
    String name = type.toString();
    if (type instanceof DateType) {
      return LocalDate.ofEpochDay(v.getInt(i));
    }
    if (type instanceof TimestampType) {
      long micros = v.getLong(i);
      return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000);
    }
    if (type instanceof TimestampNTZType) {
      long micros = v.getLong(i);
      return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
          (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
    }
    if (type instanceof BooleanType) {
      return v.getBoolean(i);
    }
    if (type instanceof ByteType) {
      return v.getByte(i);
    }
    if (type instanceof ShortType) {
      return v.getShort(i);
    }
    if (type instanceof IntegerType) {
      return v.getInt(i);
    }
    if (type instanceof LongType) {
      return v.getLong(i);
    }
    if (type instanceof FloatType) {
      return v.getFloat(i);
    }
    if (type instanceof DoubleType) {
      return v.getDouble(i);
    }
    if (type instanceof StringType) {
      return v.getString(i);
    }
    if (type instanceof BinaryType) {
      return v.getBinary(i);
    }
    if (type instanceof DecimalType) {
      return v.getDecimal(i);
    }
    if (type instanceof io.delta.kernel.types.ArrayType a) {
      io.delta.kernel.data.ArrayValue array = v.getArray(i);
      java.util.List<Object> items = new java.util.ArrayList<>();
      for (int k = 0; k < array.getSize(); k++) {
        items.add(value(array.getElements(), a.getElementType(), k));
      }
      return items;
    }
    if (type instanceof io.delta.kernel.types.MapType m) {
      io.delta.kernel.data.MapValue map = v.getMap(i);
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (int k = 0; k < map.getSize(); k++) {
        entries.put(value(map.getKeys(), m.getKeyType(), k), value(map.getValues(), m.getValueType(), k));
      }
      return entries;
    }
    return "<" + name + ">";
  }

  private static CloseableIterator<FileStatus> singleton(FileStatus file) {
    return new CloseableIterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public FileStatus next() {
        done = true;
        return file;
      }

      @Override
      public void close() {}
    };
  }
}
