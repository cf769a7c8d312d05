package io.sluice.bench.suite;

import io.sluice.bench.Median;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * W5's report as a Markdown table, one row per engine: p50 / p99 / max latency (ms) of the Kafka
 * sink and of the Delta table, each the median over the successful rounds; the largest peak RSS;
 * the first round's output rows; whether every round's outputs held exactly the kept records.
 * The ratios (on the sluice row) are the other engine's latency over Sluice's, for p50 and p99 of
 * each output: lower latency is better, so above 1 means Sluice is better, as with the
 * throughput ratios of {@link SuiteTable}.
 */
final class LatencyTable {
  private final List<SuiteEngine> engines;
  private final Map<String, List<LatencyResult>> runs;
  private final LatencySettings settings;

  LatencyTable(List<SuiteEngine> engines, Map<String, List<LatencyResult>> runs, LatencySettings settings) {
    this.engines = engines;
    this.runs = runs;
    this.settings = settings;
  }

  /** Medians over rounds of each run's p50, p99 and max (ms), per output. */
  record Medians(double kafkaP50, double kafkaP99, double kafkaMax, double deltaP50, double deltaP99,
      double deltaMax) {
    static Optional<Medians> of(List<LatencyResult> runs) {
      List<LatencyResult> ok = runs.stream().filter(LatencyResult::ok).toList();
      if (ok.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Medians(median(ok, r -> r.kafka().get().p50()), median(ok, r -> r.kafka().get().p99()),
          median(ok, r -> r.kafka().get().max()), median(ok, r -> r.delta().get().p50()),
          median(ok, r -> r.delta().get().p99()), median(ok, r -> r.delta().get().max())));
    }

    /** This engine's latencies over Sluice's: {@code Kafka p50 / p99 · Delta p50 / p99}. */
    String over(Medians sluice) {
      return String.format("%.2f / %.2f · %.2f / %.2f", kafkaP50 / sluice.kafkaP50, kafkaP99 / sluice.kafkaP99,
          deltaP50 / sluice.deltaP50, deltaP99 / sluice.deltaP99);
    }

    private static double median(List<LatencyResult> runs, ToLongFunction<LatencyResult> value) {
      return Median.of(runs.stream().map(r -> (double) value.applyAsLong(r)).toList());
    }
  }

  /** False when some engine's successful run wrote other records than the kept ones. */
  boolean agreed() {
    return runs.values().stream().flatMap(List::stream).filter(LatencyResult::ok).allMatch(LatencyResult::agrees);
  }

  String render() {
    StringBuilder out = new StringBuilder(String.format("%nW5: %,d records/s for %d s (%,d records, every 100th "
        + "dropped), commits every %d ms; latencies in ms, medians over the rounds%n%n", settings.rate(),
        settings.seconds(), settings.total(), settings.commitMillis()));
    out.append("| engine | rounds ok | Kafka p50 / p99 / max | Delta p50 / p99 / max | median process s "
        + "| peak RSS MiB | topic rows | table rows | agrees | flink ÷ sluice p50 / p99: Kafka · Delta "
        + "| spark ÷ sluice p50 / p99: Kafka · Delta |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (SuiteEngine e : engines) {
      out.append(row(e)).append('\n');
    }
    return out.toString();
  }

  private String row(SuiteEngine e) {
    String head = "| " + e.name() + " |";
    if (!e.available()) {
      return head + " " + e.missing() + " ||||||||||";
    }
    List<LatencyResult> all = runs.getOrDefault(e.name(), List.of());
    Optional<Medians> m = Medians.of(all);
    List<LatencyResult> ok = all.stream().filter(LatencyResult::ok).toList();
    if (m.isEmpty()) {
      return head + " 0 of " + all.size() + ": " + all.stream().map(LatencyResult::failure).findFirst()
          .orElse("not run") + " ||||||||||";
    }
    Medians x = m.get();
    List<LatencyResult> differ = ok.stream().filter(r -> !r.agrees()).toList();
    return head + String.format(" %d of %d | %,.0f / %,.0f / %,.0f | %,.0f / %,.0f / %,.0f | %.1f | %,d | %,d | %,d | %s "
        + "| %s | %s |", ok.size(), all.size(), x.kafkaP50(), x.kafkaP99(), x.kafkaMax(), x.deltaP50(), x.deltaP99(),
        x.deltaMax(), Median.of(ok.stream().map(r -> r.outcome().processSeconds()).toList()),
        ok.stream().mapToLong(r -> r.outcome().peakRssBytes()).max().orElse(0) / (1024 * 1024),
        ok.get(0).sink().get().rows(), ok.get(0).table().get().rows(),
        differ.isEmpty() ? "yes" : "NO: " + differ.get(0).failure(),
        ratio(e, "flink", x), ratio(e, "spark", x));
  }

  private String ratio(SuiteEngine e, String other, Medians sluice) {
    if (!e.name().equals("sluice")) {
      return "";
    }
    return Medians.of(runs.getOrDefault(other, List.of())).map(o -> o.over(sluice)).orElse("");
  }
}
