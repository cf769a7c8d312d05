package io.sluice.bench.suite;

import io.sluice.bench.Median;
import io.sluice.bench.suite.EngineProcess.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The suite's report as a Markdown table, one row per workload and engine. Times are medians over
 * the successful rounds; rows/s = input rows / median workload seconds; per core = that / 2 (every
 * engine runs with parallelism 2); peak RSS = the largest over the rounds; outputs and agreement
 * come from the first round's checksums; the ratios (on the sluice rows) are sluice's rows/s over
 * the other engine's. Below it: W2's cost of five expectations and W4's incremental / full cost.
 */
final class SuiteTable {
  static final int CORES = 2;
  private final TpchData.Counts counts;
  private final List<SuiteEngine> engines;
  private final Map<String, Map<String, List<Outcome>>> runs;
  private final Map<String, Map<String, List<TableChecksum>>> outputs;

  SuiteTable(TpchData.Counts counts, List<SuiteEngine> engines, Map<String, Map<String, List<Outcome>>> runs,
      Map<String, Map<String, List<TableChecksum>>> outputs) {
    this.counts = counts;
    this.engines = engines;
    this.runs = runs;
    this.outputs = outputs;
  }

  /** False when, for some workload, two engines wrote different outputs. */
  boolean agreed() {
    return outputs.values().stream().allMatch(byEngine -> byEngine.values().stream().distinct().count() <= 1);
  }

  String render() {
    StringBuilder out = new StringBuilder(String.format("%n| workload | engine | input rows | median s | rows/s "
        + "| rows/s per core | median process s | peak RSS MiB | output rows | checksum | agrees "
        + "| sluice/flink | sluice/spark |%n|---|---|---|---|---|---|---|---|---|---|---|---|---|%n"));
    for (String w : runs.keySet()) {
      for (SuiteEngine e : engines) {
        out.append(row(w, e)).append('\n');
      }
    }
    out.append('\n');
    for (SuiteEngine e : engines) {
      ratio(out, "W2 rows/s with 5 expectations / with 0", e, rate("W2-5", e.name()), rate("W2-0", e.name()));
      ratio(out, "W4 incremental / full seconds", e, seconds("W4-incremental", e.name()),
          seconds("W4-full", e.name()));
      firstResult("W2-5", e.name()).map(ResultLine::expectations).filter(m -> m != null).ifPresent(m ->
          out.append(String.format("%s W2 expectation failures: %s%n", e.name(), m)));
    }
    return out.toString();
  }

  private String row(String w, SuiteEngine e) {
    String head = String.format("| %s | %s | %,d |", w, e.name(), inputRows(w));
    if (w.startsWith("W4") && e.name().equals("flink")) {
      return head + " n/a (no file tracking: WORKLOADS.md) |||||||||";
    }
    if (!e.available()) {
      return head + " " + e.missing() + " |||||||||";
    }
    List<Outcome> all = runs.get(w).getOrDefault(e.name(), List.of());
    List<Outcome> ok = all.stream().filter(Outcome::ok).toList();
    if (ok.isEmpty()) {
      return head + " FAILED: " + all.stream().map(Outcome::failure).findFirst().orElse("not run") + " |||||||||";
    }
    double seconds = seconds(w, e.name()).orElseThrow();
    long peak = ok.stream().mapToLong(Outcome::peakRssBytes).max().orElse(0);
    List<TableChecksum> sums = outputs.get(w).get(e.name());
    long records = ok.get(0).result().get().records();
    String failed = ok.size() < all.size() ? String.format(" (%d of %d failed)", all.size() - ok.size(), all.size()) : "";
    return head + String.format(" %.1f%s | %,.0f | %,.0f | %.1f | %,d | %s | %s | %s | %s | %s |", seconds, failed,
        inputRows(w) / seconds, inputRows(w) / seconds / CORES,
        Median.of(ok.stream().map(Outcome::processSeconds).toList()), peak / (1024 * 1024),
        sums == null ? "" : sums.stream().map(s -> String.format("%,d", s.rows())).collect(Collectors.joining(" + ")),
        sums == null ? "" : sums.stream().map(TableChecksum::checksum).collect(Collectors.joining(" / ")),
        agrees(w, e.name()) + (records == inputRows(w) ? "" : String.format(" (read %,d)", records)),
        e.name().equals("sluice") ? throughputRatio(w, "flink") : "",
        e.name().equals("sluice") ? throughputRatio(w, "spark") : "");
  }

  private String agrees(String w, String engine) {
    Map<String, List<TableChecksum>> byEngine = outputs.get(w);
    List<TableChecksum> mine = byEngine.get(engine);
    if (mine == null) {
      return "";
    }
    List<String> others = byEngine.keySet().stream().filter(k -> !k.equals(engine)).toList();
    if (others.isEmpty()) {
      return "—";
    }
    List<String> differ = others.stream().filter(k -> !byEngine.get(k).equals(mine)).toList();
    return differ.isEmpty() ? "yes" : "NO (" + String.join(", ", differ) + ")";
  }

  private String throughputRatio(String w, String other) {
    Optional<Double> a = rate(w, "sluice");
    Optional<Double> b = rate(w, other);
    return a.isPresent() && b.isPresent() ? String.format("%.2f", a.get() / b.get()) : "";
  }

  private void ratio(StringBuilder out, String what, SuiteEngine e, Optional<Double> a, Optional<Double> b) {
    if (a.isPresent() && b.isPresent()) {
      out.append(String.format("%s %s: %.2f%n", e.name(), what, a.get() / b.get()));
    }
  }

  private Optional<Double> rate(String w, String engine) {
    return seconds(w, engine).map(s -> inputRows(w) / s);
  }

  private Optional<Double> seconds(String w, String engine) {
    List<Double> s = new ArrayList<>();
    runs.getOrDefault(w, Map.of()).getOrDefault(engine, List.of()).stream().filter(Outcome::ok)
        .forEach(o -> s.add(o.result().get().seconds()));
    return s.isEmpty() ? Optional.empty() : Optional.of(Median.of(s));
  }

  private Optional<ResultLine> firstResult(String w, String engine) {
    return runs.getOrDefault(w, Map.of()).getOrDefault(engine, List.of()).stream().filter(Outcome::ok).findFirst()
        .flatMap(Outcome::result);
  }

  long inputRows(String w) {
    return switch (w) {
      case "W1", "W2-0", "W2-5", "W4-full" -> counts.lineitem();
      case "W3" -> counts.lineitem() + counts.orders() + counts.customer();
      case "W4-incremental" -> counts.lineitemIncrement();
      default -> throw new IllegalStateException("unknown workload " + w);
    };
  }
}
