package io.sluice.connectors.iceberg;

import io.sluice.connectors.schema.SchemaComparison;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.hadoop.HadoopTables;

/**
 * An Iceberg table at a path, as the driver sees it when it sets up tables: whether it exists, its
 * schema and partitioning, its snapshots, creation and replacement, and small reads. Tables are
 * path-based ({@link HadoopTables}), with no catalog. Not serializable; jobs open their own.
 */
public final class IcebergTable {
  static final String FORMAT_VERSION = TableProperties.FORMAT_VERSION;

  private final String path;
  private final HadoopTables tables;

  private IcebergTable(String path) {
    this.path = path;
    this.tables = new HadoopTables(hadoopConf());
  }

  /** The table at a path (a Hadoop file system URI such as {@code file:///...}). */
  public static IcebergTable forPath(String uri) {
    return new IcebergTable(normalize(Objects.requireNonNull(uri, "uri")));
  }

  public String path() {
    return path;
  }

  /** Whether the path holds an Iceberg table (a {@code metadata} folder with a version). */
  public boolean exists() {
    return tables.exists(path);
  }

  /**
   * Creates the table (format v2 unless the properties say otherwise, identity partitions), or
   * does nothing if it already exists with this schema, partitioning and these properties.
   *
   * @throws IllegalStateException if the table exists with another definition or property value
   */
  public void create(RowType schema, List<String> partitionColumns,
      Map<String, String> properties) {
    Schema icebergSchema = IcebergTypes.toIceberg(schema);
    PartitionSpec spec = TableDefinition.spec(path, icebergSchema, partitionColumns);
    if (!exists()) {
      try {
        tables.create(icebergSchema, spec, SortOrder.unsorted(), withFormat(properties), path);
        return;
      } catch (AlreadyExistsException e) {
        // created concurrently: compare with what is there
      }
    }
    TableDefinition.checkSame(load(), icebergSchema, partitionColumns, properties);
  }

  /**
   * Atomically replaces the table with an empty one of the given definition (a full refresh): one
   * commit whose new snapshot is empty, so readers see the old content or none, never a mix; the
   * old snapshots stay in the history. Creates the table when it does not exist.
   */
  public void replace(RowType schema, List<String> partitionColumns,
      Map<String, String> properties) {
    if (!exists()) {
      create(schema, partitionColumns, properties);
      return;
    }
    Schema icebergSchema = IcebergTypes.toIceberg(schema);
    PartitionSpec spec = TableDefinition.spec(path, icebergSchema, partitionColumns);
    Transaction replace = tables.newReplaceTableTransaction(path, icebergSchema, spec,
        withFormat(properties), false);
    replace.newDelete().deleteFromRowFilter(Expressions.alwaysTrue()).commit();
    replace.commitTransaction();
  }

  /** The table's schema as a Flink row type ({@code NOT NULL} at the top level). */
  public RowType schema() {
    return IcebergTypes.toFlink(load().schema());
  }

  /** Identity partition columns in order; other transforms appear as {@code transform(column)}. */
  public List<String> partitionColumns() {
    return partitionColumns(load());
  }

  /** Compares the table with a dataset definition; the table must exist. */
  public SchemaComparison compareWith(RowType schema, List<String> partitionColumns) {
    Table table = load();
    return IcebergSchemaComparison.between(table.schema(), partitionColumns(table),
        IcebergTypes.toIceberg(schema), partitionColumns);
  }

  /** The id of the current snapshot; empty for a table that has never had one. */
  public Optional<Long> currentSnapshotId() {
    return Optional.ofNullable(load().currentSnapshot()).map(Snapshot::snapshotId);
  }

  /**
   * Rows added by the snapshots after {@code snapshotIdExclusive} (all snapshots when empty), from
   * their summaries: read the current snapshot id before a run and this after it to know how many
   * rows the run committed (an overwrite counts the rows it wrote).
   */
  public long rowsAddedSince(Optional<Long> snapshotIdExclusive) {
    Table table = load();
    long rows = 0;
    Snapshot snapshot = table.currentSnapshot();
    while (snapshot != null && !snapshotIdExclusive.equals(Optional.of(snapshot.snapshotId()))) {
      rows += Long.parseLong(
          snapshot.summary().getOrDefault(SnapshotSummary.ADDED_RECORDS_PROP, "0"));
      snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId());
    }
    return rows;
  }

  /** The number of rows in the current snapshot. */
  public long count() {
    return TableReads.count(load());
  }

  /** Up to {@code limit} rows of the current snapshot (all if negative), read in this thread. */
  public List<RowData> read(long limit) {
    return TableReads.read(load(), limit);
  }

  @Override
  public String toString() {
    return "IcebergTable[" + path + "]";
  }

  Table load() {
    try {
      return tables.load(path);
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(
          "Cannot read Iceberg table " + path + ": it does not exist. Create it first.", e);
    }
  }

  /** A loader that jobs use to open this table on the cluster. */
  TableLoader loader() {
    return TableLoader.fromHadoopTable(path, hadoopConf());
  }

  static List<String> partitionColumns(Table table) {
    return table.spec().fields().stream()
        .map(field -> describe(table.schema(), field))
        .collect(Collectors.toList());
  }

  static Configuration hadoopConf() {
    return new Configuration();
  }

  private static String describe(Schema schema, PartitionField field) {
    String column = schema.findColumnName(field.sourceId());
    return field.transform().isIdentity() ? column : field.transform() + "(" + column + ")";
  }

  private static Map<String, String> withFormat(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    all.putIfAbsent(FORMAT_VERSION, "2");
    return all;
  }

  private static String normalize(String uri) {
    String path = uri;
    while (path.endsWith("/") && !path.endsWith(":///")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }
}
