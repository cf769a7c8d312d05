package io.sluice.expectations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The numbers of one subtask, indexed as in {@link CounterKeys}. Each number is counted twice:
 * cumulatively (restored value + rows since the restore) in a Flink accumulator, which is what the
 * operator checkpoints; and since the task started in a Flink metric counter, for reporters.
 */
final class Tallies {
  private final List<String> keys;
  private final LongCounter[] cumulative;
  private final Counter[] metrics;

  private Tallies(List<String> keys, LongCounter[] cumulative, Counter[] metrics) {
    this.keys = keys;
    this.cumulative = cumulative;
    this.metrics = metrics;
  }

  /** Registers the accumulators, starting at the restored values, and the metrics. */
  static Tallies register(ExpectationSet set, RuntimeContext context, Map<String, Long> restored) {
    List<String> keys = CounterKeys.keys(set);
    LongCounter[] cumulative = new LongCounter[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      cumulative[i] = new LongCounter(restored.getOrDefault(keys.get(i), 0L));
      context.addAccumulator(CounterKeys.accumulator(set, keys.get(i)), cumulative[i]);
    }
    return new Tallies(keys, cumulative, metrics(set, context.getMetricGroup(), keys.size()));
  }

  private static Counter[] metrics(ExpectationSet set, MetricGroup operator, int size) {
    Counter[] metrics = new Counter[size];
    MetricGroup dataset = operator.addGroup("dataset", set.dataset());
    metrics[CounterKeys.IN] = dataset.counter(CounterKeys.ROWS_IN);
    metrics[CounterKeys.KEPT] = dataset.counter(CounterKeys.ROWS_KEPT);
    metrics[CounterKeys.DROPPED] = dataset.counter(CounterKeys.ROWS_DROPPED);
    metrics[CounterKeys.QUARANTINED] = dataset.counter(CounterKeys.ROWS_QUARANTINED);
    for (int i = 0; i < set.checks().size(); i++) {
      MetricGroup check = dataset.addGroup("expectation", set.checks().get(i).name());
      metrics[CounterKeys.passedIndex(i)] = check.counter("passed_records");
      metrics[CounterKeys.failedIndex(i)] = check.counter("failed_records");
    }
    return metrics;
  }

  /** Sums restored state entries by key: a subtask may get several entries per key, or none. */
  static Map<String, Long> sum(Iterable<Tuple2<String, Long>> entries) {
    Map<String, Long> sums = new HashMap<>();
    for (Tuple2<String, Long> entry : entries) {
      sums.merge(entry.f0, entry.f1, Long::sum);
    }
    return sums;
  }

  void inc(int index) {
    cumulative[index].add(1L);
    metrics[index].inc();
  }

  /** The cumulative values of this subtask, one state entry per key. */
  List<Tuple2<String, Long>> snapshot() {
    List<Tuple2<String, Long>> entries = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      entries.add(Tuple2.of(keys.get(i), cumulative[i].getLocalValuePrimitive()));
    }
    return entries;
  }
}
