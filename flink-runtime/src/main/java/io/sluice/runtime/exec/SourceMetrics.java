package io.sluice.runtime.exec;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Reads a flow job's progress from Flink's own metrics, with nothing added to the data path: the
 * {@code numRecordsIn} counter of every source reader (Flink names the operators {@code Source:
 * source: ...}, after the names Sluice gives its sources) for rows read; the standard backlog
 * gauges {@code pendingRecords} (Kafka lag) and {@code pendingFiles} (files found, not yet read);
 * and every operator's {@code currentOutputWatermark}. A metric reporter of the embedded cluster
 * keeps them, also after the job ends, until the runner has read them.
 */
public final class SourceMetrics implements MetricReporter {
  static final String REPORTER = "sluice";
  private static final Map<String, Map<String, Counter>> READ = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, Gauge<?>>> GAUGES = new ConcurrentHashMap<>();

  /** What a job's sources have done so far. */
  record Progress(long rowsRead, OptionalLong pendingRecords, OptionalLong pendingFiles, Optional<Instant> watermark) {}

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    Map<String, String> vars = group.getAllVariables();
    String job = vars.get("<job_id>");
    if (job == null) {
      return;
    }
    String operator = vars.getOrDefault("<operator_name>", "");
    String where = operator + "#" + vars.getOrDefault("<subtask_index>", "0");
    if ("numRecordsIn".equals(name) && metric instanceof Counter counter && operator.startsWith("Source: source: ")) {
      READ.computeIfAbsent(job, j -> new ConcurrentHashMap<>()).put(where, counter);
    } else if (metric instanceof Gauge<?> gauge && (name.equals("pendingRecords") || name.equals("pendingFiles")
        || name.equals("currentOutputWatermark"))) {
      GAUGES.computeIfAbsent(job, j -> new ConcurrentHashMap<>()).put(name + "@" + where, gauge);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    // keep the counter: its final value is read when the job has ended
  }

  /** Rows the job's sources emitted so far (or in total, once it has ended). */
  static long rowsRead(JobID job) {
    return READ.getOrDefault(job.toHexString(), Map.of()).values().stream().mapToLong(Counter::getCount).sum();
  }

  /**
   * Rows read, backlog and watermark. The watermark is the most advanced one any operator has
   * emitted on all of its subtasks (operators downstream lag behind the sources); empty while no
   * operator has one.
   */
  static Progress progress(JobID job) {
    long pendingRecords = -1;
    long pendingFiles = -1;
    Map<String, Long> lowestPerOperator = new HashMap<>();
    for (Map.Entry<String, Gauge<?>> e : GAUGES.getOrDefault(job.toHexString(), Map.of()).entrySet()) {
      if (!(value(e.getValue()) instanceof Number n)) {
        continue;
      }
      String key = e.getKey();
      if (key.startsWith("pendingRecords@")) {
        pendingRecords = Math.max(0, pendingRecords) + Math.max(0, n.longValue());
      } else if (key.startsWith("pendingFiles@")) {
        pendingFiles = Math.max(0, pendingFiles) + Math.max(0, n.longValue());
      } else {
        String operator = key.substring(key.indexOf('@') + 1, key.lastIndexOf('#'));
        lowestPerOperator.merge(operator, n.longValue(), Math::min);
      }
    }
    Optional<Instant> watermark = lowestPerOperator.values().stream()
        .filter(w -> w > Long.MIN_VALUE && w < Long.MAX_VALUE)
        .max(Long::compare)
        .map(Instant::ofEpochMilli);
    return new Progress(rowsRead(job), optional(pendingRecords), optional(pendingFiles), watermark);
  }

  /** A gauge's value; gauges of ended tasks may fail to read (closed clients): no value then. */
  private static Object value(Gauge<?> gauge) {
    try {
      return gauge.getValue();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static OptionalLong optional(long v) {
    return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }

  static void forget(JobID job) {
    READ.remove(job.toHexString());
    GAUGES.remove(job.toHexString());
  }

  /** Creates the reporter; named in the embedded cluster's configuration. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new SourceMetrics();
    }
  }
}
