package io.sluice.bench.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Event-to-visible latencies (ms) of the records sent from a given time on. */
final class Latencies {
  private final long measuredFrom;
  private final List<Long> values = new ArrayList<>();
  private long total;

  Latencies(long measuredFrom) {
    this.measuredFrom = measuredFrom;
  }

  synchronized void add(long sentAt, long visibleAt) {
    total++;
    if (sentAt >= measuredFrom) {
      values.add(visibleAt - sentAt);
    }
  }

  /** Every record added, also those of the warm-up. */
  synchronized long total() {
    return total;
  }

  synchronized Summary summary() {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      throw new IllegalStateException("no latency measured after the warm-up");
    }
    return new Summary(percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  /** One run's percentiles in ms, and how many records they cover. */
  record Summary(long p50, long p99, long max, int records) {}
}
