package io.sluice.connectors.delta;

import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.exceptions.MaxCommitRetryLimitReachedException;
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
 * The Kernel side of the committers: turns committables into add actions (and, to replace a
 * table's content, live files into remove actions) and commits them. Knows nothing about Flink
 * checkpoints beyond the transaction version it is given.
 */
final class DeltaCommits {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaCommits.class);
  private static final int SNAPSHOT_COMMIT_ATTEMPTS = 10;

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

  /**
   * Makes the table's content exactly these files, with transaction version {@code checkpointId}:
   * one commit removes every live file that is not among them and adds those not yet live. Skips
   * if the table already records that version (or a later one) for the sink's application id, or
   * if the table already holds exactly these files. A commit that loses a race with another
   * writer is computed again from the new latest version.
   *
   * @return whether this call committed
   */
  boolean commitSnapshot(long checkpointId, List<DeltaCommittable> files) {
    for (int attempt = 1; ; attempt++) {
      Snapshot snapshot = transactions.latest();
      long committed =
          snapshot.getLatestTransactionVersion(engine, config.applicationId()).orElse(-1L);
      if (committed >= checkpointId) {
        LOG.info("Delta table {} already has checkpoint {} (or a later one) of {}; skipping its "
            + "content", config.tablePath(), checkpointId, config.applicationId());
        return false;
      }
      try {
        return replaceContent(snapshot, checkpointId, files);
      } catch (ConcurrentTransactionException e) {
        LOG.info("Delta table {} got checkpoint {} of {} from a concurrent commit; skipping",
            config.tablePath(), checkpointId, config.applicationId());
        return false;
      } catch (MaxCommitRetryLimitReachedException e) {
        if (attempt >= SNAPSHOT_COMMIT_ATTEMPTS) {
          throw new IllegalStateException(String.format(
              "Cannot replace the content of Delta table %s for checkpoint %d: %d attempts lost "
                  + "to concurrent commits. Stop other writers of the table; the sink owns its "
                  + "content.", config.tablePath(), checkpointId, attempt), e);
        }
        LOG.info("Delta table {} changed while checkpoint {} was committed; reading it again",
            config.tablePath(), checkpointId);
      }
    }
  }

  private boolean replaceContent(Snapshot snapshot, long checkpointId,
      List<DeltaCommittable> files) {
    Transaction transaction = transactions.replaceContent(snapshot, checkpointId);
    Map<String, Row> removes = KernelInternals.removeActionsOfLiveFiles(engine, snapshot);
    List<Row> actions = new ArrayList<>();
    for (Row add : addActions(transaction, files)) {
      if (removes.remove(addedPath(add)) == null) {
        actions.add(add);
      }
    }
    int added = actions.size();
    actions.addAll(removes.values());
    if (actions.isEmpty()) {
      LOG.info("Delta table {} already holds the content of checkpoint {}; nothing to commit",
          config.tablePath(), checkpointId);
      return false;
    }
    TransactionCommitResult result = transaction.commit(engine,
        CloseableIterable.inMemoryIterable(DataFileWriter.iterator(actions.iterator())));
    LOG.info("Replaced {} files of Delta table {} by {} as version {} (checkpoint {})",
        removes.size(), config.tablePath(), added, result.getVersion(), checkpointId);
    runHooks(result);
    return true;
  }

  private void commit(Transaction transaction, List<DeltaCommittable> files) {
    TransactionCommitResult result = transaction.commit(engine,
        CloseableIterable.inMemoryIterable(
            DataFileWriter.iterator(addActions(transaction, files).iterator())));
    LOG.info("Committed {} files to Delta table {} as version {}", files.size(),
        config.tablePath(), result.getVersion());
    runHooks(result);
  }

  private List<Row> addActions(Transaction transaction, List<DeltaCommittable> files) {
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
    return actions;
  }

  /** The path an add action records (relative to the table root for files inside it). */
  private static String addedPath(Row action) {
    Row add = action.getStruct(action.getSchema().indexOf("add"));
    return add.getString(add.getSchema().indexOf("path"));
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
