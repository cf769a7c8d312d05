package io.sluice.runtime.exec;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Counts the rows each flow job reads, from Flink's own metrics: the {@code numRecordsIn} counter
 * of every source reader (Flink names the operators {@code Source: source: ...}, after the names
 * Sluice gives its sources). A metric reporter of
 * the embedded cluster keeps the counters, also after the job ends, until the runner has read
 * them. Nothing is added to the data path.
 */
public final class SourceMetrics implements MetricReporter {
  static final String REPORTER = "sluice";
  private static final Map<String, Map<String, Counter>> BY_JOB = new ConcurrentHashMap<>();

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    if (!"numRecordsIn".equals(name) || !(metric instanceof Counter counter)) {
      return;
    }
    Map<String, String> vars = group.getAllVariables();
    String operator = vars.getOrDefault("<operator_name>", "");
    String job = vars.get("<job_id>");
    if (job != null && operator.startsWith("Source: source: ")) {
      BY_JOB.computeIfAbsent(job, j -> new ConcurrentHashMap<>())
          .put(operator + "#" + vars.getOrDefault("<subtask_index>", "0"), counter);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    // keep the counter: its final value is read when the job has ended
  }

  /** Rows the job's sources emitted so far (or in total, once it has ended). */
  static long rowsRead(JobID job) {
    return BY_JOB.getOrDefault(job.toHexString(), Map.of()).values().stream().mapToLong(Counter::getCount).sum();
  }

  static void forget(JobID job) {
    BY_JOB.remove(job.toHexString());
  }

  /** Creates the reporter; named in the embedded cluster's configuration. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new SourceMetrics();
    }
  }
}
