package io.sluice.runtime.exec;

import io.sluice.expectations.ExpectationMetrics;
import io.sluice.expectations.ExpectationSet;
import io.sluice.expectations.Expectations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-update expectation numbers of a flow. The operators count cumulatively in checkpointed
 * state (exact across failovers and restores); an update's numbers are the cumulative ones at its
 * end minus those recorded after the previous update (the baseline, kept in the flow's state).
 */
final class Quality {
  private Quality() {}

  static List<DatasetQuality> perUpdate(List<ExpectationSet> sets, Map<String, Object> accumulators,
      Map<String, Long> baseline) {
    List<DatasetQuality> result = new ArrayList<>();
    for (ExpectationSet set : sets) {
      ExpectationMetrics total = Expectations.metrics(accumulators, set);
      ExpectationMetrics before = ExpectationMetrics.fromMap(forDataset(baseline, set.dataset()), set);
      result.add(of(set.dataset(), total.minus(before)));
    }
    return result;
  }

  /** The cumulative counts to record as the next baseline, keyed {@code dataset|counter}. */
  static Map<String, Long> cumulative(List<ExpectationSet> sets, Map<String, Object> accumulators) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (ExpectationSet set : sets) {
      Expectations.metrics(accumulators, set).toMap().forEach((k, v) -> values.put(set.dataset() + "|" + k, v));
    }
    return values;
  }

  private static Map<String, Long> forDataset(Map<String, Long> baseline, String dataset) {
    Map<String, Long> values = new LinkedHashMap<>();
    baseline.forEach((k, v) -> {
      if (k.startsWith(dataset + "|")) {
        values.put(k.substring(dataset.length() + 1), v);
      }
    });
    return values;
  }

  private static DatasetQuality of(String dataset, ExpectationMetrics m) {
    List<DatasetQuality.CheckResult> checks = m.checks().stream()
        .map(c -> new DatasetQuality.CheckResult(c.name(), c.action(), c.passed(), c.failed())).toList();
    return new DatasetQuality(dataset, m.rowsIn(), m.rowsKept(), m.rowsDropped(), m.rowsQuarantined(), checks);
  }
}
