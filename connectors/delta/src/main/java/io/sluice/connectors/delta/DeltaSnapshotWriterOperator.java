package io.sluice.connectors.delta;

import io.delta.kernel.Transaction;
import io.delta.kernel.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;

/**
 * Parallel writer of a {@link WriteMode#SNAPSHOT} sink: keeps the changelog's current multiset of
 * rows in keyed state and, before each checkpoint barrier at which its rows changed, writes the
 * buckets of its part of the table that hold changed rows again and sends its whole part (the
 * new files of those buckets, the previous files of the others) to the {@link
 * DeltaSnapshotCommitterOperator}, which removes only the files that were replaced.
 *
 * <p><b>State.</b> The input is keyed by the row's content ({@link RowContentKey}); one {@code
 * ValueState<Long>} per key holds how many times the row occurs (+I/+U add one, -U/-D remove one;
 * at zero the state is cleared). Flink owns the layout: the counts live in the key groups of the
 * subtask, survive restores and move with their key groups when the job is rescaled. A retraction
 * of a row whose count is already zero cannot be applied to a multiset; it is dropped and logged
 * (Flink's own upsert materializer does the same), so an inconsistent input shows in the logs
 * rather than as negative rows. The last part sent is kept in operator list state, so the writer
 * knows the files of each bucket after a restore.
 *
 * <p><b>Buckets.</b> Each partition of the writer's rows is split by a hash of the row into
 * buckets of about {@code targetFileRows} rows ({@link SnapshotBuckets}: as many buckets as the
 * part has files of that size, at most {@value SnapshotBuckets#MAX_BUCKETS} per partition, laid
 * out again when a partition doubles or halves), so a small table stays one file per writer.
 *
 * <p><b>Writing a part.</b> Before the barrier of checkpoint {@code c}, if a count changed since
 * the previous barrier (the net change, so +I then -D of the same row is no change), the writer
 * picks the buckets of the changed rows, visits every key of its key group range with {@code
 * applyToAllKeys} on the keyed state backend (heap or RocksDB alike; no extra index of keys is
 * kept) and buffers the rows of those buckets, each as often as it occurs. On the heap backend
 * one visit buffers all of them (references to the state's keys); on RocksDB a visit buffers
 * buckets worth about {@code max(2 * targetFileRows, 100,000)} rows and more buckets take more
 * visits, which bounds the memory of a rewrite. Each bucket is written as Parquet files of about
 * {@code targetFileRows} rows through Kernel like the append writer, and one {@link
 * DeltaSnapshotPart} with all buckets is sent, tagged {@code c}. An empty part is sent as such,
 * so the committer drops the part's old rows. A writer whose rows did not change sends nothing:
 * the committer still holds its previous part.
 *
 * <p><b>Restores and rescaling.</b> The committer's parts and the writers' counts and parts
 * come from the same checkpoint, so after a restore at the same parallelism they agree: nothing
 * is rewritten, and later changes rewrite their buckets only (Flink gives each subtask its own
 * list state back when the parallelism is unchanged; the writer checks the part's subtask and
 * parallelism anyway). After a restore with another parallelism the key group ranges moved, so
 * the restored parts do not match and every writer rewrites its whole part at the first barrier;
 * the committer replaces all old parts by the new ones. A fresh start (no state), or a restore
 * of a checkpoint taken before writers kept their parts, also rewrites (an empty part, unless
 * rows arrived), so the committer holds a part of every writer from the first checkpoint on, and
 * a table holding rows from before the job is brought in line then.
 *
 * <p><b>Cost.</b> A checkpoint writes the rows of the touched buckets: with {@code k} changed
 * rows (an update is two) spread over {@code B} buckets of a writer, about {@code B (1 - (1 -
 * 1/B)^k)} buckets, and visits the writer's keys once per visit. That is copy-on-write of the
 * touched files: a few changes per checkpoint rewrite a few files, but changes spread by the
 * hash over more rows than the part has files rewrite nearly all of them. Merge-on-read (delete
 * rows with deletion vectors, append the new ones) would write only the changes, but Kernel 4.4
 * cannot write deletion vectors: its {@code RoaringBitmapArray} and {@code
 * DeletionVectorStoredBitmap} only read them, and its transactions only generate add actions
 * without one.
 */
final class DeltaSnapshotWriterOperator extends AbstractStreamOperator<byte[]>
    implements OneInputStreamOperator<RowData, byte[]>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  private static final long MIN_VISIT_ROWS = 100_000;

  private final DeltaSinkConfig config;
  private final int maxBuckets;

  private transient ValueStateDescriptor<Long> countsDescriptor;
  private transient ValueState<Long> counts;
  private transient ListState<byte[]> partState;
  private transient DeltaSnapshotPart part;
  private transient SnapshotBuckets buckets;
  private transient Map<RowData, Long> netChanges;
  private transient long droppedRetractions;
  private transient DataFileWriter files;
  private transient PartitionValues partitioner;
  private transient LongCounter rowsWritten;

  DeltaSnapshotWriterOperator(DeltaSinkConfig config) {
    this(config, SnapshotBuckets.MAX_BUCKETS);
  }

  /** A writer with at most {@code maxBuckets} per partition (1: rewrite whole partitions). */
  DeltaSnapshotWriterOperator(DeltaSinkConfig config, int maxBuckets) {
    this.config = config;
    this.maxBuckets = maxBuckets;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    countsDescriptor = new ValueStateDescriptor<>("delta-snapshot-count", LongSerializer.INSTANCE);
    counts = context.getKeyedStateStore().getState(countsDescriptor);
    partState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(
        "delta-snapshot-writer-part", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    List<DeltaSnapshotPart> restored = new ArrayList<>();
    for (byte[] bytes : partState.get()) {
      restored.add(DeltaSnapshotPartSerializer.INSTANCE.fromBytes(bytes));
    }
    // null buckets: rewrite everything at the next barrier
    if (restored.size() == 1 && restored.get(0).subtask() == subtask
        && restored.get(0).parallelism() == parallelism) {
      part = restored.get(0);
      buckets = SnapshotBuckets.of(part, config.targetFileRows(), maxBuckets);
    }
  }

  @Override
  public void open() throws Exception {
    super.open();
    Engine engine = config.newEngine();
    Transaction transaction = new WriteTransactions(config, engine).forWriters();
    files = new DataFileWriter(engine, transaction, config.rowType());
    partitioner = new PartitionValues(config.rowType(), transaction.getPartitionColumns(engine));
    netChanges = new HashMap<>();
    rowsWritten = new LongCounter();
    getRuntimeContext().addAccumulator(config.rowsWrittenAccumulator(), rowsWritten);
  }

  @Override
  public void processElement(StreamRecord<RowData> element) throws Exception {
    RowKind kind = element.getValue().getRowKind();
    long delta = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER ? 1 : -1;
    Long current = counts.value();
    long count = (current == null ? 0 : current) + delta;
    if (count < 0) {
      droppedRetractions++;
      return;
    }
    if (count == 0) {
      counts.clear();
    } else {
      counts.update(count);
    }
    netChanges.merge((RowData) getCurrentKey(), delta, Long::sum);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    flush(checkpointId);
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    partState.update(part == null ? List.of()
        : List.of(DeltaSnapshotPartSerializer.INSTANCE.toBytes(part)));
  }

  @Override
  public void endInput() throws Exception {
    flush(DeltaCommittable.END_OF_INPUT);
  }

  private void flush(long checkpointId) throws Exception {
    if (droppedRetractions > 0) {
      LOG.warn("Delta table {}: dropped {} retractions of rows that were not in the view; the "
          + "changelog is not consistent with the sink's state", config.tablePath(),
          droppedRetractions);
      droppedRetractions = 0;
    }
    boolean rewriteAll = buckets == null;
    if (rewriteAll) {
      buckets = new SnapshotBuckets(config.targetFileRows(), maxBuckets);
      keys().applyToAllKeys(VoidNamespace.INSTANCE,
          VoidNamespaceSerializer.INSTANCE, countsDescriptor,
          (RowData row, ValueState<Long> count) -> {
            Long occurrences = count.value();
            if (occurrences != null) {
              buckets.count(partitioner.of(row), occurrences);
            }
          });
    } else {
      netChanges.forEach((row, delta) -> {
        if (delta != 0) {
          buckets.change(partitioner.of(row), row, delta);
        }
      });
    }
    boolean changed = rewriteAll || netChanges.values().stream().anyMatch(delta -> delta != 0);
    netChanges.clear();
    if (!changed) {
      return;
    }
    Map<SnapshotBuckets.Id, Long> planned = buckets.plan();
    Map<SnapshotBuckets.Id, List<DeltaCommittable>> written = new HashMap<>();
    for (Set<SnapshotBuckets.Id> visit : visits(planned)) {
      written.putAll(writeBuckets(visit, checkpointId));
    }
    part = new DeltaSnapshotPart(checkpointId,
        getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
        getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks(),
        buckets.replace(planned, written));
    LOG.debug("Delta table {}: rewrote {} buckets as {} files; the part has {} buckets",
        config.tablePath(), planned.size(),
        written.values().stream().mapToInt(List::size).sum(), part.buckets().size());
    output.collect(new StreamRecord<>(DeltaSnapshotPartSerializer.INSTANCE.toBytes(part)));
  }

  /**
   * Groups the planned buckets so that one visit of the keys buffers a bounded number of rows.
   * On the heap backend the buffers hold the state's own key objects, a reference per row, so one
   * visit takes all buckets; other backends deserialize a copy of each key.
   */
  private List<Set<SnapshotBuckets.Id>> visits(Map<SnapshotBuckets.Id, Long> planned) {
    long budget = getKeyedStateBackend() instanceof HeapKeyedStateBackend ? Long.MAX_VALUE
        : Math.max(2L * config.targetFileRows(), MIN_VISIT_ROWS);
    List<Set<SnapshotBuckets.Id>> visits = new ArrayList<>();
    Set<SnapshotBuckets.Id> visit = new HashSet<>();
    long rows = 0;
    for (Map.Entry<SnapshotBuckets.Id, Long> bucket : planned.entrySet()) {
      if (!visit.isEmpty() && rows + bucket.getValue() > budget) {
        visits.add(visit);
        visit = new HashSet<>();
        rows = 0;
      }
      visit.add(bucket.getKey());
      rows += bucket.getValue();
    }
    if (!visit.isEmpty()) {
      visits.add(visit);
    }
    return visits;
  }

  /** Writes every row of the given buckets, as often as it occurs. */
  private Map<SnapshotBuckets.Id, List<DeltaCommittable>> writeBuckets(
      Set<SnapshotBuckets.Id> visit, long checkpointId) throws Exception {
    Map<Map<String, String>, BitSet> wanted = new HashMap<>();
    visit.forEach(id -> wanted.computeIfAbsent(id.partition(), p -> new BitSet()).set(id.index()));
    Map<SnapshotBuckets.Id, List<RowData>> buffers = new HashMap<>();
    keys().applyToAllKeys(VoidNamespace.INSTANCE,
        VoidNamespaceSerializer.INSTANCE, countsDescriptor,
        (RowData row, ValueState<Long> count) -> {
          Map<String, String> partition = partitioner.of(row);
          BitSet indexes = wanted.get(partition);
          int index = indexes == null ? -1 : buckets.indexOf(partition, row);
          Long occurrences = index < 0 || !indexes.get(index) ? null : count.value();
          if (occurrences == null) {
            return;
          }
          List<RowData> buffer = buffers.computeIfAbsent(
              new SnapshotBuckets.Id(partition, index), b -> new ArrayList<>());
          for (long i = 0; i < occurrences; i++) {
            buffer.add(row);
          }
        });
    Map<SnapshotBuckets.Id, List<DeltaCommittable>> written = new HashMap<>();
    buffers.forEach((bucket, rows) -> {
      List<DeltaCommittable> bucketFiles = new ArrayList<>();
      // files of about targetFileRows: round(rows / target) of them, of equal size
      int fileCount = (int) Math.max(1,
          (rows.size() + config.targetFileRows() / 2) / config.targetFileRows());
      for (int i = 0; i < fileCount; i++) {
        List<RowData> slice = rows.subList(
            (int) ((long) rows.size() * i / fileCount),
            (int) ((long) rows.size() * (i + 1) / fileCount));
        write(bucket.partition(), slice).forEach(
            file -> bucketFiles.add(file.withCheckpointId(checkpointId)));
      }
      written.put(bucket, bucketFiles);
    });
    return written;
  }

  private KeyedStateBackend<RowData> keys() {
    return getKeyedStateBackend();
  }

  private List<DeltaCommittable> write(Map<String, String> partition, List<RowData> rows) {
    try {
      List<DeltaCommittable> written = files.write(partition, rows);
      written.forEach(file -> rowsWritten.add(file.rowCount()));
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(
          "Cannot write a data file of Delta table %s (partition %s): %s", config.tablePath(),
          partition, e.getMessage()), e);
    }
  }
}
