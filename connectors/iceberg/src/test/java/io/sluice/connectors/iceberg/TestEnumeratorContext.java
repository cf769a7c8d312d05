package io.sluice.connectors.iceberg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.iceberg.flink.source.split.IcebergSourceSplit;

/**
 * A single-threaded enumerator context: async calls run when the test says so, in the test's
 * thread, and so do tasks for the coordinator thread; errors reach the test.
 */
final class TestEnumeratorContext implements SplitEnumeratorContext<IcebergSourceSplit> {
  private final int parallelism;
  private final Map<Integer, ReaderInfo> readers = new HashMap<>();
  private final Map<Integer, List<IcebergSourceSplit>> assigned = new HashMap<>();
  private final List<Runnable> periodic = new ArrayList<>();
  private final Queue<Runnable> coordinatorTasks = new ArrayDeque<>();

  TestEnumeratorContext(int parallelism) {
    this.parallelism = parallelism;
  }

  void registerAllReaders() {
    for (int i = 0; i < parallelism; i++) {
      readers.put(i, new ReaderInfo(i, "localhost"));
    }
  }

  /** Runs every periodic call (split discovery) and then the coordinator tasks it queued. */
  void discover() {
    periodic.forEach(Runnable::run);
    runCoordinatorTasks();
  }

  void runCoordinatorTasks() {
    while (!coordinatorTasks.isEmpty()) {
      coordinatorTasks.poll().run();
    }
  }

  /** Splits assigned to a reader so far, oldest first. */
  List<IcebergSourceSplit> assigned(int subtask) {
    return assigned.getOrDefault(subtask, List.of());
  }

  @Override
  public SplitEnumeratorMetricGroup metricGroup() {
    return UnregisteredMetricsGroup.createSplitEnumeratorMetricGroup();
  }

  @Override
  public void sendEventToSourceReader(int subtaskId, SourceEvent event) {}

  @Override
  public int currentParallelism() {
    return parallelism;
  }

  @Override
  public Map<Integer, ReaderInfo> registeredReaders() {
    return readers;
  }

  @Override
  public void assignSplits(SplitsAssignment<IcebergSourceSplit> assignment) {
    assignment.assignment().forEach((subtask, splits) ->
        assigned.computeIfAbsent(subtask, s -> new ArrayList<>()).addAll(splits));
  }

  @Override
  public void signalNoMoreSplits(int subtask) {}

  @Override
  public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
    coordinatorTasks.add(() -> call(callable, handler));
  }

  @Override
  public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler,
      long initialDelay, long period) {
    periodic.add(() -> call(callable, handler));
  }

  @Override
  public void runInCoordinatorThread(Runnable runnable) {
    coordinatorTasks.add(runnable);
  }

  private static <T> void call(Callable<T> callable, BiConsumer<T, Throwable> handler) {
    T result;
    try {
      result = callable.call();
    } catch (Exception e) {
      handler.accept(null, e);
      return;
    }
    handler.accept(result, null);
  }
}
