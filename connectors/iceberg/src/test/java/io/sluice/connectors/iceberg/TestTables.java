package io.sluice.connectors.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;

/**
 * Test tables: the small (id BIGINT, name STRING) schema, and writing and reading through
 * Iceberg's own generic API only (never through the code under test).
 */
final class TestTables {
  static final RowType ID_NAME = (RowType) DataTypes.ROW(
      DataTypes.FIELD("id", DataTypes.BIGINT()),
      DataTypes.FIELD("name", DataTypes.STRING())).notNull().getLogicalType();

  private TestTables() {}

  static String uri(Path dir) {
    return dir.toUri().toString();
  }

  static Table load(String path) {
    return new HadoopTables(new Configuration()).load(path);
  }

  /** An unpartitioned (id, name) table. */
  static String create(Path dir) {
    String path = uri(dir);
    IcebergTable.forPath(path).create(ID_NAME, List.of(), Map.of());
    return path;
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

  /** Appends (id, "n" + id) rows as one new snapshot with one data file; returns its id. */
  @SuppressWarnings("deprecation") // GenericAppenderFactory is the simplest generic writer
  static long append(String path, long fromInclusive, long toExclusive) {
    Table table = load(path);
    GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
    OutputFile file = table.io().newOutputFile(
        table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet"));
    DataWriter<Record> writer = factory.newDataWriter(
        EncryptedFiles.plainAsEncryptedOutput(file), FileFormat.PARQUET, null);
    try (writer) {
      for (long i = fromInclusive; i < toExclusive; i++) {
        Record record = GenericRecord.create(table.schema());
        record.setField("id", i);
        record.setField("name", "n" + i);
        writer.write(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    table.newAppend().appendFile(writer.toDataFile()).commit();
    return table.currentSnapshot().snapshotId();
  }

  /** Every row of the current snapshot of an (id, name) table, as "id,name", via IcebergGenerics. */
  static List<String> readIdName(String path) {
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(load(path)).build()) {
      for (Record record : records) {
        rows.add(record.getField("id") + "," + record.getField("name"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The operation of each snapshot in the current line of history, oldest first. */
  static List<String> operations(String path) {
    Table table = load(path);
    List<String> operations = new ArrayList<>();
    for (Snapshot s = table.currentSnapshot(); s != null;
        s = s.parentId() == null ? null : table.snapshot(s.parentId())) {
      operations.add(0, s.operation());
    }
    return operations;
  }
}
