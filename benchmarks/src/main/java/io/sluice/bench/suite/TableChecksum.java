package io.sluice.bench.suite;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
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
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The row count and an order-free checksum of a Delta table (WORKLOADS.md, "Checksum"), read with
 * Delta Kernel's documented read loop, the same for every engine's output. Columns whose name
 * starts with {@code _} are skipped; the others, in name order, are written as text (NULL as
 * {@code \N}, decimals without trailing zeros in plain notation, dates ISO, numbers in decimal) and
 * joined by {@code |}; the checksum is the sum (mod 2^64) over the rows of that text's 64-bit
 * murmur3 hash (the first 64 bits of Guava's {@code murmur3_128}, seed 0), in hex.
 */
public record TableChecksum(long rows, String checksum) {
  private static final HashFunction MURMUR3 = Hashing.murmur3_128();

  static TableChecksum of(Path table) {
    Engine engine = DefaultEngine.create(new Configuration());
    Snapshot snapshot = TableManager.loadSnapshot(table.toAbsolutePath().toUri().toString()).build(engine);
    StructType schema = snapshot.getSchema();
    List<Integer> columns = new ArrayList<>();
    for (int c = 0; c < schema.length(); c++) {
      if (!schema.at(c).getName().startsWith("_")) {
        columns.add(c);
      }
    }
    columns.sort(Comparator.comparing(c -> schema.at(c).getName()));
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    long[] sum = new long[2]; // rows, checksum
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> scanFiles = files.next().getRows()) {
          while (scanFiles.hasNext()) {
            Row scanFile = scanFiles.next();
            FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                .readParquetFiles(io.delta.kernel.internal.util.Utils.singletonCloseableIterator(file), physical,
                    Optional.empty())
                .map(r -> r.getData());
            try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, scanState, scanFile, data)) {
              while (logical.hasNext()) {
                add(logical.next(), schema, columns, sum);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TableChecksum(sum[0], HexFormat.of().toHexDigits(sum[1]));
  }

  private static void add(FilteredColumnarBatch batch, StructType schema, List<Integer> columns, long[] sum) {
    ColumnarBatch data = batch.getData();
    Optional<ColumnVector> selection = batch.getSelectionVector();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < data.getSize(); i++) {
      if (selection.isPresent() && (selection.get().isNullAt(i) || !selection.get().getBoolean(i))) {
        continue;
      }
      text.setLength(0);
      for (int k = 0; k < columns.size(); k++) {
        int c = columns.get(k);
        text.append(k == 0 ? "" : "|").append(text(data.getColumnVector(c), schema.at(c).getDataType(), i));
      }
      sum[0]++;
      sum[1] += hash(text.toString());
    }
  }

  /** The count and checksum of rows given as their canonical texts (values in column name order). */
  static TableChecksum ofTexts(java.util.Collection<String> rowTexts) {
    long sum = 0;
    for (String text : rowTexts) {
      sum += hash(text);
    }
    return new TableChecksum(rowTexts.size(), HexFormat.of().toHexDigits(sum));
  }

  /** The 64-bit murmur3 hash of a row's canonical text. */
  static long hash(String rowText) {
    return MURMUR3.hashString(rowText, StandardCharsets.UTF_8).asLong();
  }

  /** A value as the checksum's text. */
  static String text(Object value) {
    if (value == null) {
      return "\\N";
    }
    if (value instanceof java.math.BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static String text(ColumnVector v, DataType type, int i) {
    if (v.isNullAt(i)) {
      return text(null);
    }
    if (type instanceof DateType) {
      return LocalDate.ofEpochDay(v.getInt(i)).toString();
    }
    if (type instanceof DecimalType) {
      return text(v.getDecimal(i));
    }
    if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return Long.toString(v.getLong(i)); // microseconds; no workload writes one outside _-columns
    }
    if (type instanceof BinaryType) {
      return HexFormat.of().formatHex(v.getBinary(i));
    }
    if (type instanceof StringType) {
      return v.getString(i);
    }
    if (type instanceof LongType) {
      return Long.toString(v.getLong(i));
    }
    if (type instanceof IntegerType) {
      return Integer.toString(v.getInt(i));
    }
    if (type instanceof ShortType) {
      return Short.toString(v.getShort(i));
    }
    if (type instanceof ByteType) {
      return Byte.toString(v.getByte(i));
    }
    if (type instanceof DoubleType) {
      return Double.toString(v.getDouble(i));
    }
    if (type instanceof BooleanType) {
      return Boolean.toString(v.getBoolean(i));
    }
    throw new IllegalArgumentException("Cannot checksum a column of type " + type);
  }
}
