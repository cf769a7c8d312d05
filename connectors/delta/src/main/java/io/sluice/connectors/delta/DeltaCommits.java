package io.sluice.connectors.delta;

import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kernel side of the committer: turns committables into add actions and commits them. Knows
 * nothing about Flink checkpoints beyond the transaction version it is given.
 */
final class DeltaCommits {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaCommits.class);

  private final DeltaSinkConfig config;
  private final Engine engine;
  private final WriteTransactions transactions;

  DeltaCommits(DeltaSinkConfig config, Engine engine) {
    this.config = config;
    this.engine = engine;
    this.transactions = new WriteTransactions(config, engine);
  }

  /**
   * Commits the files of one checkpoint with transaction version {@code checkpointId}, unless the
   * table already records that version (or a later one) for the sink's application id.
   *
   * @return whether this call committed
   */
  boolean commitCheckpoint(long checkpointId, List<DeltaCommittable> files) {
    Snapshot snapshot = transactions.latest();
    long committed =
        snapshot.getLatestTransactionVersion(engine, config.applicationId()).orElse(-1L);
    if (committed >= checkpointId) {
      LOG.info("Delta table {} already has checkpoint {} of {}; skipping its {} files",
          config.tablePath(), checkpointId, config.applicationId(), files.size());
      return false;
    }
    try {
      commit(transactions.append(snapshot, Operation.STREAMING_UPDATE,
          OptionalLong.of(checkpointId)), files);
      return true;
    } catch (ConcurrentTransactionException e) {
      LOG.info("Delta table {} got checkpoint {} of {} from a concurrent commit; skipping",
          config.tablePath(), checkpointId, config.applicationId());
      return false;
    }
  }

  /** The last transaction version the table records for the sink's application id, or -1. */
  long lastCommittedVersion() {
    return transactions.latest().getLatestTransactionVersion(engine, config.applicationId()).orElse(-1L);
  }

  /** Commits files as one plain append (no transaction version). */
  void commitAppend(List<DeltaCommittable> files) {
    commit(transactions.append(transactions.latest(), Operation.WRITE, OptionalLong.empty()),
        files);
  }

  /** Replaces the table's content with exactly these files (none leaves the table empty). */
  void commitOverwrite(List<DeltaCommittable> files) {
    commit(transactions.overwrite(), files);
  }

  private void commit(Transaction transaction, List<DeltaCommittable> files) {
    Row state = transaction.getTransactionState(engine);
    StructType schema = transaction.getSchema(engine);
    StructType statsSchema =
        DataFileWriter.statsSchema(schema, transaction.getPartitionColumns(engine));
    Map<Map<String, String>, List<DataFileStatus>> byPartition = new LinkedHashMap<>();
    for (DeltaCommittable file : files) {
      byPartition.computeIfAbsent(file.partitionValues(), p -> new ArrayList<>())
          .add(new DataFileStatus(file.path(), file.size(), file.modificationTime(),
              Optional.ofNullable(file.statsJson())
                  .flatMap(json -> DataFileStatistics.deserializeFromJson(json, statsSchema))));
    }
    List<Row> actions = new ArrayList<>();
    byPartition.forEach((partition, statuses) -> {
      try (CloseableIterator<Row> adds = Transaction.generateAppendActions(engine, state,
          DataFileWriter.iterator(statuses.iterator()),
          Transaction.getWriteContext(engine, state,
              PartitionValues.literals(schema, partition)))) {
        adds.forEachRemaining(actions::add);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot build the add actions of Delta table " + config.tablePath(), e);
      }
    });
    TransactionCommitResult result = transaction.commit(engine,
        CloseableIterable.inMemoryIterable(DataFileWriter.iterator(actions.iterator())));
    LOG.info("Committed {} files to Delta table {} as version {}", files.size(),
        config.tablePath(), result.getVersion());
    runHooks(result);
  }

  /** Checkpoints and checksums keep the log fast to read; failing them loses no data. */
  private void runHooks(TransactionCommitResult result) {
    for (PostCommitHook hook : result.getPostCommitHooks()) {
      try {
        hook.threadSafeInvoke(engine);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Delta table {}: post-commit {} of version {} failed; the next one will retry",
            config.tablePath(), hook.getType(), result.getVersion(), e);
      }
    }
  }
}
