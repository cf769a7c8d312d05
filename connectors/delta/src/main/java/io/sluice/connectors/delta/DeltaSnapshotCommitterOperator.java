package io.sluice.connectors.delta;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Single committer of a {@link WriteMode#SNAPSHOT} sink: makes the table's content exactly the
 * rows of the changelog as of a completed checkpoint, in one commit, exactly once.
 *
 * <pre>
 *   changelog ─keyBy(row)─► snapshot writer (n) ─parts─► committer (1) ──► discard (1)
 *                 uid &lt;prefix&gt;/writer      &lt;prefix&gt;/committer   &lt;prefix&gt;/end
 * </pre>
 *
 * <p><b>Parts.</b> Each writer subtask owns a key group range and sends its whole content (a
 * {@link DeltaSnapshotPart}: the new files of the buckets it rewrote and the previous files of
 * the others) whenever it changed. The committer keeps the latest part of every
 * subtask in operator state. When checkpoint {@code c} is snapshotted and a part arrived since
 * the previous one, the union of all parts is the table's complete content as of {@code c}; it
 * is kept pending under {@code c}. Every writer sends its part at its first barrier after a
 * fresh start or a rescale (see {@link DeltaSnapshotWriterOperator}), so the committer always
 * holds one part per writer; a part written for another writer parallelism than the held ones
 * means the job was rescaled, and the old parts are dropped. Content with a part missing (the
 * committer's state was lost, say by {@code --allowNonRestoredState}, while the writers kept
 * theirs) is refused: publishing it would silently drop rows.
 *
 * <p><b>Commits.</b> When checkpoint {@code n} completes, the newest pending content {@code c
 * <= n} is committed and older pending ones are dropped unseen (the table only ever needs the
 * newest). The commit reads the table's latest version, skips if the table already records a
 * transaction version {@code >= c} for the application id, and otherwise commits in one Kernel
 * transaction, with transaction id ({@code applicationId}, {@code c}): a remove action for every
 * live file that is not in the content and an add action for every file of the content that is
 * not live yet. Files of parts and buckets that did not change stay as they are, so this is
 * copy-on-write of the touched files: a commit removes the files of the buckets that hold changed
 * rows and adds their replacements. Readers see the old content or the new one. The
 * transaction id is written by the same commit as the content, so "the table has checkpoint
 * {@code c}" and "the content of {@code c} is visible" are one atomic fact: a replayed or
 * repeated notification, or a restore, finds the version and skips, and an older content never
 * replaces a newer one (its version is lower). Content equal to the table's (nothing to add or
 * remove) commits nothing. A checkpoint without new parts has no pending content and commits
 * nothing; the first checkpoint after a rescale rewrites every part and so commits even if no
 * row changed. After a restore, the restored pending content is committed the same way at once.
 *
 * <p>The rows-committed accumulator holds the number of rows in the table after this run's last
 * commit (0 if it made none).
 *
 * <p><b>With a publish gate</b> (triggered runs), completed checkpoints commit nothing until the
 * gate allows one; that checkpoint {@code n} then commits the newest pending content {@code <=
 * n} the same way. Older pending contents are superseded, so nothing accumulates while closed.
 *
 * <p>Assumptions this relies on, beyond those of {@link DeltaCommitterOperator} (checkpoint ids
 * only grow per application id, the latest checkpoint is restored, nobody else commits with the
 * application id, aligned checkpoints, parallelism 1):
 *
 * <ul>
 *   <li>The sink owns the table's content: files added by anyone else are removed by the next
 *       commit, and files of the content must not be removed or vacuumed by others. Kernel's own
 *       conflict resolution is disabled ({@code maxRetries = 0}), because rebasing would keep
 *       files another writer added meanwhile; on a lost race the committer re-reads the table and
 *       computes the difference again.
 *   <li>The table has neither change data feed nor {@code delta.appendOnly}: Kernel cannot write
 *       a commit that both adds and removes data files with change data feed on. The writers
 *       refuse such a table when they open.
 *   <li>Files of a part are never deleted while a pending content or the table may still
 *       reference them; superseded or abandoned files stay unreferenced until a vacuum.
 * </ul>
 */
final class DeltaSnapshotCommitterOperator extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<byte[], Void> {
  private static final long serialVersionUID = 1L;

  private final DeltaSinkConfig config;

  private transient TreeMap<Integer, DeltaSnapshotPart> parts;
  private transient TreeMap<Long, List<DeltaCommittable>> pending;
  private transient boolean partsChanged;
  private transient ListState<byte[]> partsState;
  private transient ListState<Long> pendingIdsState;
  private transient ListState<byte[]> pendingFilesState;
  private transient long restoredCheckpointId;
  private transient DeltaCommits commits;
  private transient LongCounter rowsInTable;

  DeltaSnapshotCommitterOperator(DeltaSinkConfig config) {
    this.config = config;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    parts = new TreeMap<>();
    pending = new TreeMap<>();
    partsState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(
        "delta-snapshot-parts", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    pendingIdsState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(
        "delta-snapshot-pending-checkpoints", LongSerializer.INSTANCE));
    pendingFilesState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(
        "delta-snapshot-pending-files", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    for (byte[] bytes : partsState.get()) {
      DeltaSnapshotPart part = DeltaSnapshotPartSerializer.INSTANCE.fromBytes(bytes);
      parts.put(part.subtask(), part);
    }
    for (Long checkpointId : pendingIdsState.get()) {
      pending.put(checkpointId, new ArrayList<>());
    }
    for (byte[] bytes : pendingFilesState.get()) {
      DeltaCommittable file = DeltaCommittableSerializer.INSTANCE.fromBytes(bytes);
      pending.get(file.checkpointId()).add(file);
    }
    restoredCheckpointId = context.getRestoredCheckpointId().orElse(-1L);
  }

  @Override
  public void open() throws Exception {
    super.open();
    if (!getOperatorConfig().isCheckpointingEnabled()) {
      throw new IllegalStateException(String.format(
          "Cannot keep Delta table %s equal to a changelog without checkpointing: WriteMode."
              + "SNAPSHOT commits when checkpoints complete. Run the job in STREAMING mode with "
              + "checkpointing enabled, or write a bounded result with WriteMode.OVERWRITE.",
          config.tablePath()));
    }
    if (getOperatorConfig().isUnalignedCheckpointsEnabled()) {
      throw new IllegalStateException(String.format(
          "Cannot commit to Delta table %s with unaligned checkpoints: a writer's part sent "
              + "before a barrier could be overtaken by it and land in the next checkpoint's "
              + "content. Set execution.checkpointing.unaligned.enabled to false for this job.",
          config.tablePath()));
    }
    commits = new DeltaCommits(config, config.newEngine());
    rowsInTable = new LongCounter();
    getRuntimeContext().addAccumulator(config.rowsCommittedAccumulator(), rowsInTable);
    commitUpTo(restoredCheckpointId);
  }

  @Override
  public void processElement(StreamRecord<byte[]> element) {
    DeltaSnapshotPart part = DeltaSnapshotPartSerializer.INSTANCE.fromBytes(element.getValue());
    if (!parts.isEmpty() && parts.firstEntry().getValue().parallelism() != part.parallelism()) {
      LOG.info("Delta table {}: writers now run with parallelism {}; replacing the parts of "
          + "parallelism {}", config.tablePath(), part.parallelism(),
          parts.firstEntry().getValue().parallelism());
      parts.clear();
    }
    parts.put(part.subtask(), part);
    partsChanged = true;
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    if (partsChanged) {
      checkEveryWriterHasAPart();
      List<DeltaCommittable> content = new ArrayList<>();
      parts.values().forEach(part -> part.files().forEach(
          file -> content.add(file.withCheckpointId(context.getCheckpointId()))));
      pending.put(context.getCheckpointId(), content);
      partsChanged = false;
    }
    List<byte[]> partBytes = new ArrayList<>();
    parts.values().forEach(
        part -> partBytes.add(DeltaSnapshotPartSerializer.INSTANCE.toBytes(part)));
    partsState.update(partBytes);
    pendingIdsState.update(new ArrayList<>(pending.keySet()));
    List<byte[]> fileBytes = new ArrayList<>();
    pending.values().forEach(files -> files.forEach(
        file -> fileBytes.add(DeltaCommittableSerializer.INSTANCE.toBytes(file))));
    pendingFilesState.update(fileBytes);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    super.notifyCheckpointComplete(checkpointId);
    commitUpTo(checkpointId);
  }

  private void checkEveryWriterHasAPart() {
    int writers = parts.firstEntry().getValue().parallelism();
    if (parts.size() != writers) {
      throw new IllegalStateException(String.format(
          "Cannot build the content of Delta table %s: the committer holds the parts of %d of "
              + "%d writers (subtasks %s), so its state does not match theirs. Restore the job "
              + "with the committer's state (uid %s/committer), or full-refresh the dataset.",
          config.tablePath(), parts.size(), writers, parts.keySet(), config.uidPrefix()));
    }
  }

  private void commitUpTo(long checkpointId) {
    Long newest = checkpointId < 0 ? null : pending.floorKey(checkpointId);
    if (newest == null) {
      return;
    }
    pending.headMap(newest, false).clear();
    if (!config.gate().allows(checkpointId)) {
      return;
    }
    List<DeltaCommittable> content = pending.remove(newest);
    if (commits.commitSnapshot(newest, content)) {
      rowsInTable.resetLocal();
      rowsInTable.add(content.stream().mapToLong(DeltaCommittable::rowCount).sum());
    }
  }
}
