package io.sluice.connectors.files;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * A single-threaded enumerator context: asynchronous calls and coordinator-thread tasks run only
 * when the test says so, on the test thread, so every step is deterministic.
 */
final class TestEnumeratorContext implements SplitEnumeratorContext<FileSplit> {
  private final int parallelism;
  private final List<Runnable> periodic = new ArrayList<>();
  private final Queue<Runnable> oneTime = new ArrayDeque<>();
  private final Queue<Runnable> coordinatorTasks = new ArrayDeque<>();
  final List<Map.Entry<Integer, FileSplit>> assignments = new ArrayList<>();
  final Set<Integer> noMoreSplits = new HashSet<>();
  final Map<Integer, ReaderInfo> readers = new HashMap<>();

  /** A context whose readers 0 to parallelism - 1 are all registered. */
  TestEnumeratorContext(int parallelism) {
    this.parallelism = parallelism;
    for (int i = 0; i < parallelism; i++) {
      readers.put(i, new ReaderInfo(i, "host"));
    }
  }

  /** Runs every pending one-time call and every periodic call once (a discovery round). */
  void discover() {
    while (!oneTime.isEmpty()) {
      oneTime.poll().run();
    }
    periodic.forEach(Runnable::run);
  }

  void runCoordinatorTasks() {
    while (!coordinatorTasks.isEmpty()) {
      coordinatorTasks.poll().run();
    }
  }

  List<String> assignedPaths() {
    return assignments.stream().map(a -> a.getValue().path()).toList();
  }

  List<String> assignedTo(int reader) {
    return assignments.stream().filter(a -> a.getKey() == reader).map(a -> a.getValue().path()).toList();
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
  public void assignSplits(SplitsAssignment<FileSplit> newSplitAssignments) {
    newSplitAssignments.assignment().forEach(
        (reader, splits) -> splits.forEach(split -> assignments.add(Map.entry(reader, split))));
  }

  @Override
  public void signalNoMoreSplits(int subtask) {
    noMoreSplits.add(subtask);
  }

  @Override
  public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
    oneTime.add(() -> call(callable, handler));
  }

  @Override
  public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
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
