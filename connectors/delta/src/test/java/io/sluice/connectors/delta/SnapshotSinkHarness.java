package io.sluice.connectors.delta;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.utils.JoinedRowData;
import org.apache.flink.types.RowKind;

/**
 * A {@link WriteMode#SNAPSHOT} sink made of operator test harnesses: {@code parallelism} keyed
 * writers and the committer, wired like the job graph (rows routed to the writer owning their key
 * group, parts forwarded to the committer before it snapshots). Checkpoints return the state of
 * every operator, which can be restored at another parallelism.
 */
final class SnapshotSinkHarness implements AutoCloseable {
  static final int MAX_PARALLELISM = 128;

  /** The operators' state at one checkpoint. */
  record State(int parallelism, List<OperatorSubtaskState> writers,
      OperatorSubtaskState committer) {}

  private final DeltaSinkConfig config;
  private final RowContentKey key;
  private final List<KeyedOneInputStreamOperatorTestHarness<RowData, RowData, byte[]>> writers =
      new ArrayList<>();
  private final OneInputStreamOperatorTestHarness<byte[], Void> committer;
  private final List<DeltaSnapshotPart> partsSent = new ArrayList<>();

  private SnapshotSinkHarness(DeltaSinkConfig config, int parallelism, State state,
      StateBackend backend, int maxBuckets) throws Exception {
    this.config = config;
    this.key = new RowContentKey(config.rowType());
    OperatorSubtaskState packed = state == null ? null
        : AbstractStreamOperatorTestHarness.repackageState(
            state.writers().toArray(new OperatorSubtaskState[0]));
    for (int i = 0; i < parallelism; i++) {
      KeyedOneInputStreamOperatorTestHarness<RowData, RowData, byte[]> writer =
          new KeyedOneInputStreamOperatorTestHarness<>(
              new DeltaSnapshotWriterOperator(config, maxBuckets),
              key, key.keyType(), MAX_PARALLELISM, parallelism, i);
      writer.setStateBackend(backend);
      if (packed != null) {
        writer.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(
            packed, MAX_PARALLELISM, state.parallelism(), parallelism, i));
      }
      writer.open();
      writers.add(writer);
    }
    committer = new OneInputStreamOperatorTestHarness<>(new DeltaSnapshotCommitterOperator(config));
    committer.getStreamConfig().setCheckpointingEnabled(true);
    if (state != null && state.committer() != null) {
      committer.initializeState(state.committer());
    }
    committer.open();
  }

  static SnapshotSinkHarness start(DeltaSinkConfig config, int parallelism) throws Exception {
    return new SnapshotSinkHarness(config, parallelism, null, new HashMapStateBackend(),
        SnapshotBuckets.MAX_BUCKETS);
  }

  static SnapshotSinkHarness restore(DeltaSinkConfig config, int parallelism, State state)
      throws Exception {
    return new SnapshotSinkHarness(config, parallelism, state, new HashMapStateBackend(),
        SnapshotBuckets.MAX_BUCKETS);
  }

  /** Writers on {@code backend} (heap by default), fresh or restored from {@code state}. */
  static SnapshotSinkHarness on(StateBackend backend, DeltaSinkConfig config, int parallelism,
      State state) throws Exception {
    return new SnapshotSinkHarness(config, parallelism, state, backend,
        SnapshotBuckets.MAX_BUCKETS);
  }

  /** Heap writers with at most {@code maxBuckets} per partition (1: the whole part). */
  static SnapshotSinkHarness withMaxBuckets(int maxBuckets, DeltaSinkConfig config,
      int parallelism) throws Exception {
    return new SnapshotSinkHarness(config, parallelism, null, new HashMapStateBackend(),
        maxBuckets);
  }

  /** Sends one change of a row to the writer that owns the row's key group. */
  SnapshotSinkHarness send(RowKind kind, RowData row) throws Exception {
    RowData change = new JoinedRowData(kind, row, new GenericRowData(0));
    int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(
        key.getKey(change), MAX_PARALLELISM, writers.size());
    writers.get(subtask).processElement(change, 0L);
    return this;
  }

  SnapshotSinkHarness insert(RowData... rows) throws Exception {
    for (RowData row : rows) {
      send(RowKind.INSERT, row);
    }
    return this;
  }

  SnapshotSinkHarness update(RowData before, RowData after) throws Exception {
    return send(RowKind.UPDATE_BEFORE, before).send(RowKind.UPDATE_AFTER, after);
  }

  SnapshotSinkHarness delete(RowData... rows) throws Exception {
    for (RowData row : rows) {
      send(RowKind.DELETE, row);
    }
    return this;
  }

  /** Takes checkpoint {@code id} the way the job does: barrier, writers, then the committer. */
  State checkpoint(long id) throws Exception {
    partsSent.clear();
    List<OperatorSubtaskState> writerStates = new ArrayList<>();
    for (KeyedOneInputStreamOperatorTestHarness<RowData, RowData, byte[]> writer : writers) {
      writer.prepareSnapshotPreBarrier(id);
      for (byte[] part : writer.extractOutputValues()) {
        committer.processElement(part, 0L);
        partsSent.add(DeltaSnapshotPartSerializer.INSTANCE.fromBytes(part));
      }
      writer.getOutput().clear();
      writerStates.add(writer.snapshot(id, id));
    }
    return new State(writers.size(), writerStates, committer.snapshot(id, id));
  }

  /**
   * Sends barrier {@code id} to the writers and forwards their parts, without snapshotting the
   * writers' state (for measurements, where that cost is the same whatever the writers wrote).
   */
  void barrier(long id) throws Exception {
    partsSent.clear();
    for (KeyedOneInputStreamOperatorTestHarness<RowData, RowData, byte[]> writer : writers) {
      writer.prepareSnapshotPreBarrier(id);
      for (byte[] part : writer.extractOutputValues()) {
        committer.processElement(part, 0L);
        partsSent.add(DeltaSnapshotPartSerializer.INSTANCE.fromBytes(part));
      }
      writer.getOutput().clear();
    }
    committer.snapshot(id, id);
  }

  void complete(long id) throws Exception {
    for (KeyedOneInputStreamOperatorTestHarness<RowData, RowData, byte[]> writer : writers) {
      writer.notifyOfCompletedCheckpoint(id);
    }
    committer.notifyOfCompletedCheckpoint(id);
  }

  /** Number of parts the writers sent in the last checkpoint. */
  int partsSent() {
    return partsSent.size();
  }

  /** The parts the writers sent in the last checkpoint. */
  List<DeltaSnapshotPart> parts() {
    return List.copyOf(partsSent);
  }

  long rowsCommitted() {
    return ((LongCounter) committer.getEnvironment().getAccumulatorRegistry().getUserMap()
        .get(config.rowsCommittedAccumulator())).getLocalValue();
  }

  @Override
  public void close() throws Exception {
    for (KeyedOneInputStreamOperatorTestHarness<RowData, RowData, byte[]> writer : writers) {
      writer.close();
    }
    committer.close();
  }
}
