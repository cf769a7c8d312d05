package io.sluice.bench.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one workload run measured: the input rows it read, its wall time in seconds and, for W2 with
 * expectations, the failures per expectation (in the contract's order; empty otherwise).
 */
record WorkloadResult(long records, double seconds, Map<String, Long> expectations) {
  WorkloadResult {
    expectations = Collections.unmodifiableMap(new LinkedHashMap<>(expectations));
  }

  static WorkloadResult of(long records, long startNanos, long endNanos) {
    return new WorkloadResult(records, (endNanos - startNanos) / 1e9, Map.of());
  }
}
