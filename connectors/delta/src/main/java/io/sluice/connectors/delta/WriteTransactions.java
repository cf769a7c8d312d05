package io.sluice.connectors.delta;

import io.sluice.connectors.schema.SchemaComparison;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.transaction.UpdateTableTransactionBuilder;
import io.delta.kernel.types.StructType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds the Kernel transactions of a sink: the one writers lay out and transform data files with
 * (never committed), and the ones the committer commits.
 */
final class WriteTransactions {
  static final String ENGINE_INFO = "Sluice/0.1";

  private final DeltaSinkConfig config;
  private final Engine engine;

  WriteTransactions(DeltaSinkConfig config, Engine engine) {
    this.config = config;
    this.engine = engine;
  }

  /** The transaction whose state tells writers the table's schema, partitioning and layout. */
  Transaction forWriters() {
    if (config.mode() == WriteMode.OVERWRITE) {
      return overwrite();
    }
    Snapshot snapshot = latest();
    if (config.mode() == WriteMode.SNAPSHOT) {
      checkContentReplaceable(snapshot);
    }
    return append(snapshot, Operation.WRITE, OptionalLong.empty());
  }

  /** The latest snapshot of the table, which must exist for an append or a snapshot. */
  Snapshot latest() {
    return DeltaTable.latestSnapshot(engine, config.tablePath())
        .orElseThrow(() -> new IllegalStateException(String.format(
            "Cannot %s Delta table %s: it does not exist. Create it before the job "
                + "starts (DeltaTable.create) or write with WriteMode.OVERWRITE.",
            verb(), config.tablePath())));
  }

  /**
   * A transaction that will replace the content of the snapshot (the committer adds the remove
   * actions), recording {@code transactionVersion} for the sink's application id. Kernel's
   * conflict resolution is off: rebased onto a concurrent commit, the removes computed from this
   * snapshot would miss files added meanwhile.
   *
   * @throws io.delta.kernel.exceptions.ConcurrentTransactionException if the table already
   *     records this version or a later one
   */
  Transaction replaceContent(Snapshot snapshot, long transactionVersion) {
    checkAppendable(snapshot);
    checkContentReplaceable(snapshot);
    return snapshot.buildUpdateTableTransaction(ENGINE_INFO, Operation.STREAMING_UPDATE)
        .withTransactionId(config.applicationId(), transactionVersion)
        .withMaxRetries(0)
        .build(engine);
  }

  /**
   * An append to the snapshot, recording {@code transactionVersion} for the sink's application id
   * when present.
   */
  Transaction append(Snapshot snapshot, Operation operation, OptionalLong transactionVersion) {
    checkAppendable(snapshot);
    UpdateTableTransactionBuilder builder =
        snapshot.buildUpdateTableTransaction(ENGINE_INFO, operation);
    if (transactionVersion.isPresent()) {
      builder = builder.withTransactionId(config.applicationId(), transactionVersion.getAsLong());
    }
    return builder.build(engine);
  }

  /** A transaction that replaces the table (or creates it) with the sink's schema. */
  Transaction overwrite() {
    StructType schema = DeltaTypes.toKernel(config.rowType());
    Optional<Snapshot> existing = DeltaTable.latestSnapshot(engine, config.tablePath());
    if (existing.isEmpty()) {
      return DeltaTable.createTransaction(engine, config.tablePath(), schema,
          config.partitionColumns(), Map.of());
    }
    Map<String, String> properties = new HashMap<>(existing.get().getTableProperties());
    return KernelInternals.replaceTable(engine, existing.get(), schema, config.partitionColumns(),
        DeltaTable.withRequiredFeatures(schema, properties));
  }

  /** Replacing the content removes data files, which these table properties do not allow. */
  private void checkContentReplaceable(Snapshot snapshot) {
    Map<String, String> why = Map.of(
        "delta.enableChangeDataFeed", "Kernel cannot write the change data files it needs",
        "delta.appendOnly", "the table accepts only appends");
    Map<String, String> properties = snapshot.getTableProperties();
    why.forEach((property, reason) -> {
      if ("true".equalsIgnoreCase(properties.get(property))) {
        throw new IllegalStateException(String.format(
            "Cannot keep Delta table %s equal to a changelog: it has %s=true, and replacing its "
                + "content removes data files (%s). Unset %s on the table, or write with "
                + "WriteMode.APPEND.", config.tablePath(), property, reason, property));
      }
    });
  }

  private String verb() {
    return config.mode() == WriteMode.APPEND ? "append to" : "write to";
  }

  private void checkAppendable(Snapshot snapshot) {
    List<String> partitions = config.partitionColumns().isEmpty()
        ? snapshot.getPartitionColumnNames() : config.partitionColumns();
    SchemaComparison comparison = DeltaSchemaComparison.between(snapshot.getSchema(),
        snapshot.getPartitionColumnNames(), DeltaTypes.toKernel(config.rowType()), partitions);
    if (!comparison.isWritable()) {
      throw new IllegalStateException(String.format(
          "Cannot %s Delta table %s: its definition differs from the rows written (%s). "
              + "Full-refresh the dataset so the table is recreated with the new definition.",
          verb(), config.tablePath(), comparison.describe()));
    }
  }
}
