package io.sluice.runtime;

import io.sluice.runtime.eventtime.EventTimeGate;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A metric reporter of a test cluster that keeps every {@code lateRows} counter the event-time
 * gates register, also after their tasks end: their sum is the late rows of the jobs since {@link
 * #reset}.
 */
public final class LateRowsReporter implements MetricReporter {
  private static final Queue<Counter> COUNTERS = new ConcurrentLinkedQueue<>();

  static long total() {
    return COUNTERS.stream().mapToLong(Counter::getCount).sum();
  }

  static void reset() {
    COUNTERS.clear();
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    if (EventTimeGate.METRIC.equals(name) && metric instanceof Counter c) {
      COUNTERS.add(c);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}

  /** {@code metrics.reporter.<name>.factory.class} of the test cluster. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new LateRowsReporter();
    }
  }
}
