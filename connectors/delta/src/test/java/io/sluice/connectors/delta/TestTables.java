package io.sluice.connectors.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Test tables: the small (id BIGINT, name STRING) schema, and an independent reader that uses
 * only Kernel's own scan API (scan files, Parquet handler, transformPhysicalData, Kernel rows).
 */
final class TestTables {
  static final RowType ID_NAME = (RowType) DataTypes.ROW(
      DataTypes.FIELD("id", DataTypes.BIGINT()),
      DataTypes.FIELD("name", DataTypes.STRING())).notNull().getLogicalType();

  private TestTables() {}

  static String uri(Path dir) {
    return dir.toUri().toString();
  }

  static RowData row(long id, String name) {
    return GenericRowData.of(id, StringData.fromString(name));
  }

  static List<RowData> rows(long fromInclusive, long toExclusive) {
    List<RowData> rows = new ArrayList<>();
    for (long i = fromInclusive; i < toExclusive; i++) {
      rows.add(row(i, "n" + i));
    }
    return rows;
  }

  /** "id,name" strings for the given ids, as {@link #readIdName} returns them. */
  static List<String> expected(long fromInclusive, long toExclusive) {
    List<String> rows = new ArrayList<>();
    for (long i = fromInclusive; i < toExclusive; i++) {
      rows.add(i + ",n" + i);
    }
    return rows;
  }

  /** Every row of the latest snapshot of an (id BIGINT, name STRING, ...) table, as "id,name". */
  static List<String> readIdName(String path) {
    Engine engine = DeltaTable.newEngine(Map.of());
    Snapshot snapshot = TableManager.loadSnapshot(path).build(engine);
    StructType schema = snapshot.getSchema();
    int id = schema.indexOf("id");
    int name = schema.indexOf("name");
    if (!(schema.at(id).getDataType() instanceof LongType)
        || !(schema.at(name).getDataType() instanceof StringType)) {
      throw new IllegalArgumentException("Not an (id, name) table: " + schema);
    }
    List<String> rows = new ArrayList<>();
    for (Row row : readRows(engine, snapshot)) {
      rows.add((row.isNullAt(id) ? "null" : row.getLong(id)) + ","
          + (row.isNullAt(name) ? "null" : row.getString(name)));
    }
    return rows;
  }

  static List<Row> readRows(Engine engine, Snapshot snapshot) {
    Scan scan = snapshot.getScanBuilder().build();
    Row state = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(state);
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> scanFiles = files.next().getRows()) {
          while (scanFiles.hasNext()) {
            Row scanFile = scanFiles.next();
            FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                .readParquetFiles(single(file), physical, Optional.empty())
                .map(result -> result.getData());
            try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, state, scanFile, data)) {
              while (logical.hasNext()) {
                logical.next().getRows().forEachRemaining(rows::add);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The operation of each commit in the table's log, oldest first ("CREATE TABLE", "WRITE"...). */
  static List<String> operations(Path table) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(table.resolve("_delta_log"))) {
      List<Path> commits = files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json"))
          .sorted().collect(Collectors.toList());
      List<String> operations = new ArrayList<>();
      for (Path commit : commits) {
        for (String line : Files.readAllLines(commit)) {
          JsonNode info = json.readTree(line).get("commitInfo");
          if (info != null) {
            operations.add(info.get("operation").asText());
          }
        }
      }
      return operations;
    }
  }

  /** Appends rows as one new table version, through the sink's own writer and committer code. */
  static void append(String path, RowType type, List<RowData> rows) throws IOException {
    DeltaSinkConfig config =
        DeltaSink.builder(path, type).applicationId("test").uidPrefix("test").config();
    Engine engine = config.newEngine();
    Transaction transaction = new WriteTransactions(config, engine).forWriters();
    DataFileWriter writer = new DataFileWriter(engine, transaction, type);
    PartitionValues partitions = new PartitionValues(type, transaction.getPartitionColumns(engine));
    Map<Map<String, String>, List<RowData>> byPartition = new LinkedHashMap<>();
    rows.forEach(row -> byPartition.computeIfAbsent(partitions.of(row), p -> new ArrayList<>())
        .add(row));
    List<DeltaCommittable> files = new ArrayList<>();
    for (Map.Entry<Map<String, String>, List<RowData>> partition : byPartition.entrySet()) {
      files.addAll(writer.write(partition.getKey(), partition.getValue()));
    }
    new DeltaCommits(config, engine).commitAppend(files);
  }

  private static CloseableIterator<FileStatus> single(FileStatus file) {
    return DataFileWriter.iterator(List.of(file).iterator());
  }
}
