package io.sluice.runtime.sink;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.table.data.RowData;

/**
 * Counts the rows a flow hands to a sink that commits on checkpoints (Kafka), and adds them to the
 * flow's rows-committed accumulator when the checkpoint whose transaction holds them completes,
 * which is when the sink commits it. Chained right before the sink's writer: the rows counted
 * before a barrier are the rows of that checkpoint's transaction. Like the Delta committer's
 * count, it counts what this run of the job committed; rows of a checkpoint that never completed
 * are replayed after a restore and counted then.
 */
final class CommittedRowCounter extends RichMapFunction<RowData, RowData>
    implements CheckpointedFunction, CheckpointListener {
  private static final long serialVersionUID = 1L;

  private final String accumulator;
  private transient LongCounter committed;
  private transient TreeMap<Long, Long> pending;
  private transient long sinceBarrier;

  CommittedRowCounter(String accumulator) {
    this.accumulator = accumulator;
  }

  @Override
  public void open(OpenContext context) {
    committed = new LongCounter();
    getRuntimeContext().addAccumulator(accumulator, committed);
    pending = new TreeMap<>();
  }

  @Override
  public RowData map(RowData row) {
    sinceBarrier++;
    return row;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) {
    pending.merge(context.getCheckpointId(), sinceBarrier, Long::sum);
    sinceBarrier = 0;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) {}

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    Map<Long, Long> due = pending.headMap(checkpointId, true);
    due.values().forEach(committed::add);
    due.clear();
  }
}
