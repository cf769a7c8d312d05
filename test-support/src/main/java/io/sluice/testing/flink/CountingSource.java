package io.sluice.testing.flink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;

/**
 * Unbounded test source of (id, "n" + id) rows: emits ids up to a limit, then idles until the
 * job stops. Its next id is checkpointed, so a restored job with a higher limit emits only the new
 * ids. Tests poll {@link #emitted} to know that every row has left the source.
 */
@SuppressWarnings("deprecation")
public final class CountingSource
    implements org.apache.flink.streaming.api.functions.source.SourceFunction<RowData>,
        CheckpointedFunction {
  private static final Map<String, AtomicLong> EMITTED = new ConcurrentHashMap<>();

  private final String key;
  private final long limit;
  private transient ListState<Long> nextState;
  private long next;
  private volatile boolean running = true;

  public CountingSource(String key, long limit) {
    this.key = key;
    this.limit = limit;
  }

  /** The highest id + 1 emitted by the source of this key in this JVM (0 if none). */
  public static long emitted(String key) {
    return EMITTED.computeIfAbsent(key, k -> new AtomicLong()).get();
  }

  @Override
  public void run(SourceContext<RowData> context) throws Exception {
    while (running) {
      synchronized (context.getCheckpointLock()) {
        if (next < limit) {
          context.collect(GenericRowData.of(next, StringData.fromString("n" + next)));
          next++;
          EMITTED.computeIfAbsent(key, k -> new AtomicLong()).set(next);
          continue;
        }
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void cancel() {
    running = false;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    nextState.update(java.util.List.of(next));
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    nextState = context.getOperatorStateStore()
        .getListState(new ListStateDescriptor<>("next", Types.LONG));
    for (Long restored : nextState.get()) {
      next = restored;
    }
  }
}
