package io.sluice.connectors.delta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Single committer of a {@link DeltaSink}: commits the files the writers produced to the Delta
 * table, exactly once.
 *
 * <pre>
 *   rows ──► writer (parallel) ──files per checkpoint──► committer (1) ──► discard (1)
 *                uid &lt;prefix&gt;/writer               uid &lt;prefix&gt;/committer   &lt;prefix&gt;/end
 * </pre>
 *
 * <p><b>With checkpoints</b> (streaming): files arrive tagged with the checkpoint whose barrier
 * they preceded and wait in operator state. When checkpoint {@code n} completes, each pending
 * checkpoint {@code c <= n} is committed in its own Kernel transaction with the transaction id
 * ({@code applicationId}, {@code c}), in increasing order. A checkpoint with no files commits
 * nothing. After a restore, the restored pending files are committed the same way at once.
 *
 * <p><b>With a publish gate</b> (triggered runs): completed checkpoints keep their files pending
 * until the gate allows one; that checkpoint {@code n} commits every pending checkpoint {@code <=
 * n} in one transaction with version {@code n}, after dropping files of checkpoints the table
 * already records (so a run restored from a checkpoint of a crashed run that had already
 * published publishes only what is new). A failed run publishes nothing.
 *
 * <p><b>Without checkpoints</b> (BATCH runtime mode): everything is committed in one transaction
 * when the input ends; an overwrite replaces the table even with no files.
 *
 * <p>Assumptions this relies on:
 *
 * <ul>
 *   <li>Checkpoint ids only grow for one application id. The driver passes a new application id
 *       (lineage) whenever a job starts without restoring its state, e.g. after a full refresh,
 *       because checkpoint ids restart at 1 there; and it restores the latest completed
 *       checkpoint or savepoint, never an older one (ids after an older one would be at or below
 *       the last committed id, and their new rows would be skipped).
 *   <li>Nobody else commits with this application id; the table's last transaction version for
 *       it is therefore the last checkpoint this sink committed. A version at or below it is
 *       skipped, which makes replays after a restore (or a repeated notification) no-ops.
 *   <li>Files reach the committer before the barrier of their checkpoint (writers flush in
 *       {@code prepareSnapshotPreBarrier}), so a checkpoint's state holds all its files. This
 *       needs aligned checkpoints; the committer refuses to run with unaligned ones.
 *   <li>A checkpoint's files are committed only once it completed. A notification that never
 *       arrives is made up by the next one (all pending ids up to it) or by the restore.
 *   <li>Files flushed at the end of the input are tagged {@link DeltaCommittable#END_OF_INPUT}
 *       and belong to the next checkpoint taken: the final checkpoint Flink takes after a bounded
 *       input ends (FLIP-147, on by default). They are re-tagged with its id when it is
 *       snapshotted.
 *   <li>Without checkpoints nothing records progress: the end-of-input commit of an append has
 *       no transaction id, so a BATCH job that is run again after it committed appends again.
 *       An overwrite run again replaces the table again, which is harmless.
 *   <li>One sink per table and application id in a job. Concurrent appends by other writers are
 *       fine (Kernel resolves the conflicts); a concurrent replace of the table fails the append,
 *       since its files were laid out for the old schema.
 *   <li>Data files are never deleted by Sluice before they are committed or abandoned; abandoned
 *       files (from failed attempts) stay unreferenced until a vacuum.
 *   <li>Parallelism is 1 (the builder enforces it), so the list state is not redistributed.
 * </ul>
 */
final class DeltaCommitterOperator extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<byte[], Void>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private final DeltaSinkConfig config;

  private transient TreeMap<Long, List<DeltaCommittable>> pending;
  private transient ListState<byte[]> pendingState;
  private transient long restoredCheckpointId;
  private transient DeltaCommits commits;
  private transient LongCounter rowsCommitted;

  DeltaCommitterOperator(DeltaSinkConfig config) {
    this.config = config;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    pending = new TreeMap<>();
    pendingState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(
        "delta-pending-files", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    for (byte[] bytes : pendingState.get()) {
      add(DeltaCommittableSerializer.INSTANCE.fromBytes(bytes));
    }
    restoredCheckpointId = context.getRestoredCheckpointId().orElse(-1L);
  }

  @Override
  public void open() throws Exception {
    super.open();
    if (config.mode() == WriteMode.OVERWRITE && commitsOnCheckpoints()) {
      throw new IllegalStateException(String.format(
          "Cannot overwrite Delta table %s from a job with checkpointing: an overwrite commits "
              + "once, when a bounded input ends. Run the job with execution.runtime-mode BATCH, "
              + "or use WriteMode.APPEND.", config.tablePath()));
    }
    if (getOperatorConfig().isUnalignedCheckpointsEnabled()) {
      throw new IllegalStateException(String.format(
          "Cannot commit to Delta table %s with unaligned checkpoints: files sent before a "
              + "barrier could be overtaken by it and committed under a later checkpoint id, "
              + "which the table then skips. Set execution.checkpointing.unaligned.enabled to "
              + "false for this job.", config.tablePath()));
    }
    commits = new DeltaCommits(config, config.newEngine());
    rowsCommitted = new LongCounter();
    getRuntimeContext().addAccumulator(config.rowsCommittedAccumulator(), rowsCommitted);
    commitUpTo(restoredCheckpointId);
  }

  @Override
  public void processElement(StreamRecord<byte[]> element) {
    add(DeltaCommittableSerializer.INSTANCE.fromBytes(element.getValue()));
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    List<DeltaCommittable> endOfInput = pending.remove(DeltaCommittable.END_OF_INPUT);
    if (endOfInput != null) {
      endOfInput.forEach(file -> add(file.withCheckpointId(context.getCheckpointId())));
    }
    List<byte[]> state = new ArrayList<>();
    pending.values().forEach(files -> files.forEach(
        file -> state.add(DeltaCommittableSerializer.INSTANCE.toBytes(file))));
    pendingState.update(state);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    super.notifyCheckpointComplete(checkpointId);
    commitUpTo(checkpointId);
  }

  @Override
  public void endInput() {
    if (commitsOnCheckpoints()) {
      return; // the final checkpoint commits what is left
    }
    List<DeltaCommittable> files = new ArrayList<>();
    pending.values().forEach(files::addAll);
    pending.clear();
    if (config.mode() == WriteMode.OVERWRITE) {
      commits.commitOverwrite(files);
    } else if (!files.isEmpty()) {
      commits.commitAppend(files);
    } else {
      return;
    }
    rowsCommitted.add(rowCount(files));
  }

  private boolean commitsOnCheckpoints() {
    return getOperatorConfig().isCheckpointingEnabled();
  }

  private void commitUpTo(long checkpointId) {
    if (!config.gate().isAlways()) {
      publishUpTo(checkpointId);
      return;
    }
    Map<Long, List<DeltaCommittable>> due = pending.headMap(checkpointId, true);
    for (Map.Entry<Long, List<DeltaCommittable>> entry : due.entrySet()) {
      if (commits.commitCheckpoint(entry.getKey(), entry.getValue())) {
        rowsCommitted.add(rowCount(entry.getValue()));
      }
    }
    due.clear();
  }

  /** Gated: everything pending up to an allowed checkpoint, in one transaction. */
  private void publishUpTo(long checkpointId) {
    if (checkpointId < 0 || !config.gate().allows(checkpointId)) {
      return;
    }
    pending.headMap(commits.lastCommittedVersion(), true).clear();
    Map<Long, List<DeltaCommittable>> due = pending.headMap(checkpointId, true);
    List<DeltaCommittable> files = new ArrayList<>();
    due.values().forEach(files::addAll);
    if (!files.isEmpty() && commits.commitCheckpoint(checkpointId, files)) {
      rowsCommitted.add(rowCount(files));
    }
    due.clear();
  }

  private void add(DeltaCommittable file) {
    pending.computeIfAbsent(file.checkpointId(), id -> new ArrayList<>()).add(file);
  }

  private static long rowCount(List<DeltaCommittable> files) {
    return files.stream().mapToLong(DeltaCommittable::rowCount).sum();
  }
}
