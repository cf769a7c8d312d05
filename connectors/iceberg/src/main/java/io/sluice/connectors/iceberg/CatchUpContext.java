package io.sluice.connectors.iceberg;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.iceberg.flink.source.split.IcebergSourceSplit;

/**
 * The context given to Iceberg's enumerator: it passes everything through to Flink's context and
 * observes two things for {@link CatchUpEnumerator}: which readers wait for a split (they asked
 * and got nothing yet), and when a split discovery has been handled.
 */
final class CatchUpContext implements SplitEnumeratorContext<IcebergSourceSplit> {
  /** Told about every handled discovery, in the coordinator thread. */
  interface Listener {
    /** Before Iceberg's enumerator sees a failed discovery; may throw a clearer error. */
    void discoveryFailed(Throwable error);

    /** After Iceberg's enumerator has taken the discovered splits and moved its position. */
    void discovered();
  }

  private final SplitEnumeratorContext<IcebergSourceSplit> context;
  private final Set<Integer> waiting = new HashSet<>();
  private Listener listener;

  CatchUpContext(SplitEnumeratorContext<IcebergSourceSplit> context) {
    this.context = context;
  }

  void listener(Listener newListener) {
    this.listener = newListener;
  }

  void readerWaits(int subtask) {
    waiting.add(subtask);
  }

  void readerBusy(int subtask) {
    waiting.remove(subtask);
  }

  /** Whether every reader of the source has registered and waits for a split. */
  boolean allReadersWaiting() {
    Set<Integer> registered = context.registeredReaders().keySet();
    return registered.size() == context.currentParallelism() && waiting.containsAll(registered);
  }

  @Override
  public void assignSplits(SplitsAssignment<IcebergSourceSplit> assignment) {
    assignment.assignment().forEach((subtask, splits) -> {
      if (!splits.isEmpty()) {
        waiting.remove(subtask);
      }
    });
    context.assignSplits(assignment);
  }

  @Override
  public void assignSplit(IcebergSourceSplit split, int subtask) {
    waiting.remove(subtask);
    context.assignSplit(split, subtask);
  }

  @Override
  public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
    context.callAsync(callable, observed(handler));
  }

  @Override
  public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler,
      long initialDelay, long period) {
    context.callAsync(callable, observed(handler), initialDelay, period);
  }

  private <T> BiConsumer<T, Throwable> observed(BiConsumer<T, Throwable> handler) {
    return (result, error) -> {
      if (error != null) {
        listener.discoveryFailed(error);
      }
      handler.accept(result, error);
      if (error == null) {
        listener.discovered();
      }
    };
  }

  // Everything else passes through.

  @Override
  public SplitEnumeratorMetricGroup metricGroup() {
    return context.metricGroup();
  }

  @Override
  public void sendEventToSourceReader(int subtask, SourceEvent event) {
    context.sendEventToSourceReader(subtask, event);
  }

  @Override
  public void sendEventToSourceReader(int subtask, int attempt, SourceEvent event) {
    context.sendEventToSourceReader(subtask, attempt, event);
  }

  @Override
  public int currentParallelism() {
    return context.currentParallelism();
  }

  @Override
  public Map<Integer, ReaderInfo> registeredReaders() {
    return context.registeredReaders();
  }

  @Override
  public Map<Integer, Map<Integer, ReaderInfo>> registeredReadersOfAttempts() {
    return context.registeredReadersOfAttempts();
  }

  @Override
  public void signalNoMoreSplits(int subtask) {
    context.signalNoMoreSplits(subtask);
  }

  @Override
  public void runInCoordinatorThread(Runnable runnable) {
    context.runInCoordinatorThread(runnable);
  }

  @Override
  public void setIsProcessingBacklog(boolean isProcessingBacklog) {
    context.setIsProcessingBacklog(isProcessingBacklog);
  }
}
