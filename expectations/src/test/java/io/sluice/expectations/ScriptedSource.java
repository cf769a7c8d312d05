package io.sluice.expectations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Emits ids from its checkpointed position up to each stop in turn, and at each stop waits until a
 * checkpoint taken there has completed, so that everything emitted so far is in a completed
 * checkpoint. After the last stop it counts down {@link #done} and then finishes, or idles until
 * cancelled (a triggered run's source, stopped with a savepoint).
 */
@SuppressWarnings("deprecation")
final class ScriptedSource
    implements org.apache.flink.streaming.api.functions.source.SourceFunction<Long>,
        CheckpointedFunction, CheckpointListener {
  private static final Map<String, CountDownLatch> DONE = new ConcurrentHashMap<>();

  private final String key;
  private final long[] stops;
  private final boolean endless;
  private transient ListState<Long> state;
  private transient Object monitor;
  private transient Map<Long, Long> positionAtCheckpoint;
  private volatile long next;
  private volatile long completed;
  private volatile boolean running = true;

  ScriptedSource(String key, boolean endless, long... stops) {
    this.key = key;
    this.stops = stops;
    this.endless = endless;
  }

  /** Counted down once the source has passed its last stop. */
  static CountDownLatch done(String key) {
    return DONE.computeIfAbsent(key, k -> new CountDownLatch(1));
  }

  @Override
  public void run(SourceContext<Long> context) throws Exception {
    for (long stop : stops) {
      while (running && next < stop) {
        synchronized (context.getCheckpointLock()) {
          context.collect(next);
          next++;
        }
      }
      synchronized (monitor) {
        while (running && completed < stop) {
          monitor.wait();
        }
      }
    }
    done(key).countDown();
    synchronized (monitor) {
      while (running && endless) {
        monitor.wait();
      }
    }
  }

  @Override
  public void cancel() {
    running = false;
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    state.update(java.util.List.of(next));
    positionAtCheckpoint.put(context.getCheckpointId(), next);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    Long position = positionAtCheckpoint.get(checkpointId);
    if (position != null) {
      synchronized (monitor) {
        completed = Math.max(completed, position);
        monitor.notifyAll();
      }
    }
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    monitor = new Object();
    positionAtCheckpoint = new ConcurrentHashMap<>();
    state = context.getOperatorStateStore()
        .getListState(new ListStateDescriptor<>("next", Types.LONG));
    for (Long restored : state.get()) {
      next = restored;
      completed = restored; // restored from a completed checkpoint or savepoint
    }
  }
}
