package io.sluice.connectors.delta;

import io.sluice.connectors.schema.SchemaComparison;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.transaction.CreateTableTransactionBuilder;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.utils.CloseableIterable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.table.types.logical.RowType;
import org.apache.hadoop.conf.Configuration;

/**
 * A Delta table at a path, as the driver sees it when it sets up tables: whether it exists, its
 * schema and partitioning, its versions, and creation. Not serializable; jobs open their own.
 */
public final class DeltaTable {
  private final String path;
  private final Engine engine;

  private DeltaTable(String path, Engine engine) {
    this.path = path;
    this.engine = engine;
  }

  /** The table at a path (a Hadoop file system URI such as {@code file:///...}). */
  public static DeltaTable forPath(String path) {
    return new DeltaTable(Objects.requireNonNull(path, "path"), newEngine(Map.of()));
  }

  public String path() {
    return path;
  }

  /** Whether the path holds a Delta table (a {@code _delta_log} with at least one commit). */
  public boolean exists() {
    return latestSnapshot(engine, path).isPresent();
  }

  /**
   * Creates the table, or does nothing if it already exists with this schema and partitioning.
   *
   * @throws IllegalStateException if the table exists with another schema or partitioning, or
   *     with another value for one of the given properties
   */
  public void create(RowType schema, List<String> partitionColumns,
      Map<String, String> properties) {
    StructType kernelSchema = DeltaTypes.toKernel(schema);
    Optional<Snapshot> existing = latestSnapshot(engine, path);
    if (existing.isPresent()) {
      checkSameDefinition(existing.get(), kernelSchema, partitionColumns, properties);
      return;
    }
    createTransaction(engine, path, kernelSchema, partitionColumns, properties)
        .commit(engine, CloseableIterable.emptyIterable());
  }

  /** The table's schema as a Flink row type. */
  /**
   * Atomically replaces the table with an empty one of the given definition (a full refresh):
   * readers see the old content or none, never a mix, and the history keeps the old versions.
   * Creates the table when it does not exist.
   */
  public void replace(RowType schema, List<String> partitionColumns, Map<String, String> properties) {
    StructType kernelSchema = DeltaTypes.toKernel(schema);
    Optional<Snapshot> existing = latestSnapshot(engine, path);
    if (existing.isEmpty()) {
      create(schema, partitionColumns, properties);
      return;
    }
    KernelInternals.replaceTable(engine, existing.get(), kernelSchema, partitionColumns,
            withRequiredFeatures(kernelSchema, properties))
        .commit(engine, CloseableIterable.emptyIterable());
  }

  /** Up to {@code limit} rows of the latest snapshot, read in this thread (for inspection). */
  public List<org.apache.flink.table.data.RowData> read(long limit) {
    return DeltaTableScan.read(engine, snapshot(), limit);
  }

  /** The number of rows in the latest snapshot. */
  public long count() {
    return DeltaTableScan.read(engine, snapshot(), -1).size();
  }

  /**
   * Appends rows from the calling thread in one commit (for small, driver-side writes such as the
   * event log; jobs use {@link DeltaSink}). The table must exist and be unpartitioned.
   */
  public void append(RowType rowType, List<org.apache.flink.table.data.RowData> rows) {
    if (rows.isEmpty()) {
      return;
    }
    DeltaSinkConfig config = DeltaSink.builder(path, rowType).applicationId("sluice/driver")
        .uidPrefix("driver").config();
    WriteTransactions transactions = new WriteTransactions(config, engine);
    try {
      List<DeltaCommittable> files =
          new DataFileWriter(engine, transactions.forWriters(), rowType).write(Map.of(), rows);
      new DeltaCommits(config, engine).commitAppend(files);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot append to Delta table " + path, e);
    }
  }

  public RowType schema() {
    return DeltaTypes.toFlink(snapshot().getSchema());
  }

  public List<String> partitionColumns() {
    return List.copyOf(snapshot().getPartitionColumnNames());
  }

  public long latestVersion() {
    return snapshot().getVersion();
  }

  /** The last transaction version committed by an application id, if it committed any. */
  public Optional<Long> latestTransactionVersion(String applicationId) {
    return snapshot().getLatestTransactionVersion(engine, applicationId);
  }

  /** Compares the table with a dataset definition; the table must exist. */
  public SchemaComparison compareWith(RowType schema, List<String> partitionColumns) {
    Snapshot snapshot = snapshot();
    return DeltaSchemaComparison.between(snapshot.getSchema(), snapshot.getPartitionColumnNames(),
        DeltaTypes.toKernel(schema), partitionColumns);
  }

  @Override
  public String toString() {
    return "DeltaTable[" + path + "]";
  }

  static Engine newEngine(Map<String, String> hadoopProperties) {
    Configuration conf = new Configuration();
    hadoopProperties.forEach(conf::set);
    return DefaultEngine.create(conf);
  }

  static Optional<Snapshot> latestSnapshot(Engine engine, String path) {
    try {
      return Optional.of(TableManager.loadSnapshot(path).build(engine));
    } catch (TableNotFoundException e) {
      return Optional.empty();
    }
  }

  static Transaction createTransaction(Engine engine, String path, StructType schema,
      List<String> partitionColumns, Map<String, String> properties) {
    CreateTableTransactionBuilder builder = TableManager
        .buildCreateTableTransaction(path, schema, WriteTransactions.ENGINE_INFO)
        .withTableProperties(withRequiredFeatures(schema, properties));
    if (!partitionColumns.isEmpty()) {
      builder = builder.withDataLayoutSpec(DataLayoutSpec.partitioned(
          partitionColumns.stream().map(Column::new).collect(Collectors.toList())));
    }
    return builder.build(engine);
  }

  /** The properties plus the table features the schema needs (timestamp_ntz columns). */
  static Map<String, String> withRequiredFeatures(StructType schema,
      Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    if (DeltaTypes.contains(schema, TimestampNTZType.class)) {
      all.put("delta.feature.timestampNtz", "supported");
    }
    return all;
  }

  private Snapshot snapshot() {
    return latestSnapshot(engine, path).orElseThrow(() -> new IllegalStateException(
        "Cannot read Delta table " + path + ": it does not exist. Create it first."));
  }

  private void checkSameDefinition(Snapshot snapshot, StructType schema,
      List<String> partitionColumns, Map<String, String> properties) {
    SchemaComparison comparison = DeltaSchemaComparison.between(snapshot.getSchema(),
        snapshot.getPartitionColumnNames(), schema, partitionColumns);
    if (!comparison.isSame()) {
      throw new IllegalStateException(String.format(
          "Cannot create Delta table %s: it already exists with another definition (%s). "
              + "Full-refresh the dataset to replace it, or change the definition back.",
          path, comparison.describe()));
    }
    Map<String, String> existing = snapshot.getTableProperties();
    properties.forEach((key, value) -> {
      if (!value.equals(existing.get(key))) {
        throw new IllegalStateException(String.format(
            "Cannot create Delta table %s: it already exists with %s=%s, not %s. "
                + "Full-refresh the dataset to replace it, or change the property back.",
            path, key, existing.get(key), value));
      }
    });
  }
}
