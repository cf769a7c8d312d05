package io.sluice.connectors.delta;

import io.delta.kernel.Transaction;
import io.delta.kernel.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;

/**
 * Parallel writer of a {@link WriteMode#SNAPSHOT} sink: keeps the changelog's current multiset of
 * rows in keyed state and, before each checkpoint barrier at which its rows changed, writes its
 * whole part of the table again and sends it to the {@link DeltaSnapshotCommitterOperator}.
 *
 * <p><b>State.</b> The input is keyed by the row's content ({@link RowContentKey}); one {@code
 * ValueState<Long>} per key holds how many times the row occurs (+I/+U add one, -U/-D remove one;
 * at zero the state is cleared). Flink owns the layout: the counts live in the key groups of the
 * subtask, survive restores and move with their key groups when the job is rescaled. A retraction
 * of a row whose count is already zero cannot be applied to a multiset; it is dropped and logged
 * (Flink's own upsert materializer does the same), so an inconsistent input shows in the logs
 * rather than as negative rows.
 *
 * <p><b>Writing a part.</b> Before the barrier of checkpoint {@code c}, if a count changed since
 * the previous barrier (the net change, so +I then -D of the same row is no change), the writer
 * visits every key of its key group range with {@code applyToAllKeys} on the keyed state backend
 * (heap or RocksDB alike; no extra index of keys is kept), repeats each row as often as it
 * occurs, writes Parquet files through Kernel like the append writer ({@code targetFileRows} per
 * partition per file) and sends one {@link DeltaSnapshotPart} with all of them, tagged {@code
 * c}. An empty part is sent as such, so the committer drops the part's old rows. A writer whose
 * rows did not change sends nothing: the committer still holds its previous part.
 *
 * <p><b>Restores and rescaling.</b> The committer's parts and the writers' counts come from the
 * same checkpoint, so after a restore at the same parallelism they agree and nothing is
 * rewritten. The writers' parallelism is kept in union operator state; after a restore with
 * another parallelism the key group ranges moved, so every writer rewrites its whole part at the
 * first barrier and the committer replaces all old parts by the new ones. A fresh start (no
 * state) also rewrites (an empty part, unless rows arrived), so the committer holds a part of
 * every writer from the first checkpoint on, and a table holding rows from before the job is
 * brought in line then.
 *
 * <p><b>Size.</b> Each change rewrites the whole part of a writer; with the committer's
 * per-part copy-on-write, a checkpoint costs writing the parts that changed. That suits views of
 * up to some million rows (aggregates, dimension tables) at checkpoint intervals of seconds to
 * minutes. A larger view needs to rewrite only the files holding changed rows (copy-on-write of
 * touched files, which needs an index from row to file) or to delete rows with deletion vectors
 * and append the new ones (merge-on-read; Kernel 4.4 cannot write deletion vectors).
 */
final class DeltaSnapshotWriterOperator extends AbstractStreamOperator<byte[]>
    implements OneInputStreamOperator<RowData, byte[]>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private final DeltaSinkConfig config;

  private transient ValueStateDescriptor<Long> countsDescriptor;
  private transient ValueState<Long> counts;
  private transient boolean rewriteAll;
  private transient Map<RowData, Long> netChanges;
  private transient long droppedRetractions;
  private transient DataFileWriter files;
  private transient PartitionValues partitioner;
  private transient LongCounter rowsWritten;

  DeltaSnapshotWriterOperator(DeltaSinkConfig config) {
    this.config = config;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    countsDescriptor = new ValueStateDescriptor<>("delta-snapshot-count", LongSerializer.INSTANCE);
    counts = context.getKeyedStateStore().getState(countsDescriptor);
    ListState<Integer> layout = context.getOperatorStateStore().getUnionListState(
        new ListStateDescriptor<>("delta-snapshot-writer-parallelism", IntSerializer.INSTANCE));
    int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    boolean sameLayout = false;
    if (context.isRestored()) {
      sameLayout = true;
      int restored = 0;
      for (Integer previous : layout.get()) {
        sameLayout &= previous == parallelism;
        restored++;
      }
      sameLayout &= restored > 0;
    }
    rewriteAll = !sameLayout;
    layout.update(List.of(parallelism));
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
    boolean changed = rewriteAll || netChanges.values().stream().anyMatch(delta -> delta != 0);
    netChanges.clear();
    if (!changed) {
      return;
    }
    DeltaSnapshotPart part = new DeltaSnapshotPart(checkpointId,
        getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
        getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks(), writeAll(checkpointId));
    output.collect(new StreamRecord<>(DeltaSnapshotPartSerializer.INSTANCE.toBytes(part)));
    rewriteAll = false;
  }

  /** Writes every row of this subtask's key groups, as often as it occurs. */
  private List<DeltaCommittable> writeAll(long checkpointId) throws Exception {
    Map<Map<String, String>, List<RowData>> buffers = new LinkedHashMap<>();
    List<DeltaCommittable> written = new ArrayList<>();
    KeyedStateBackend<RowData> backend = getKeyedStateBackend();
    backend.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
        countsDescriptor, (RowData row, ValueState<Long> count) -> {
          Long occurrences = count.value();
          if (occurrences == null) {
            return;
          }
          Map<String, String> partition = partitioner.of(row);
          List<RowData> buffer = buffers.computeIfAbsent(partition, p -> new ArrayList<>());
          for (long i = 0; i < occurrences; i++) {
            buffer.add(row);
            if (buffer.size() >= config.targetFileRows()) {
              written.addAll(write(partition, buffer));
              buffer.clear();
            }
          }
        });
    for (Map.Entry<Map<String, String>, List<RowData>> buffer : buffers.entrySet()) {
      if (!buffer.getValue().isEmpty()) {
        written.addAll(write(buffer.getKey(), buffer.getValue()));
      }
    }
    List<DeltaCommittable> tagged = new ArrayList<>(written.size());
    written.forEach(file -> tagged.add(file.withCheckpointId(checkpointId)));
    return tagged;
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
