package io.sluice.bench.suite;

import io.sluice.bench.suite.EngineProcess.Outcome;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The suite's W5 phase: per round, one in-process Kafka broker for all engines, and one
 * {@link LatencyRun} per engine, each with topics of its own. A run that fails (an engine without
 * W5 exits with a usage message) is recorded as failed; the phase goes on.
 */
final class LatencyPhase {
  private final LatencySettings settings;
  private final Path logs;
  private final Map<String, List<LatencyResult>> runs = new LinkedHashMap<>();

  LatencyPhase(LatencySettings settings, Path logs) {
    this.settings = settings;
    this.logs = logs;
  }

  void round(int round, List<SuiteEngine> order, Path dir) {
    System.out.printf("W5: %,d records/s for %d s, commits every %d ms%n", settings.rate(), settings.seconds(),
        settings.commitMillis());
    try (EmbeddedKafka kafka = new EmbeddedKafka().start()) {
      for (SuiteEngine e : order) {
        String label = String.format("r%d-%s-W5", round, e.name());
        LatencyResult r;
        try {
          r = LatencyRun.run(kafka, e, label, dir.resolve(e.name()).resolve("W5"), logs, settings);
        } catch (Exception ex) {
          r = LatencyResult.failed(new Outcome(Optional.empty(), 0, 0, "the suite failed: " + ex), "");
        }
        System.out.printf("  %s%n", r.ok() && r.agrees() ? String.format("Kafka p50/p99 %d/%d ms, Delta p50/p99 "
            + "%d/%d ms, process %.1f s", r.kafka().get().p50(), r.kafka().get().p99(), r.delta().get().p50(),
            r.delta().get().p99(), r.outcome().processSeconds()) : "FAILED: " + r.failure());
        runs.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(r);
      }
    }
  }

  Map<String, List<LatencyResult>> runs() {
    return runs;
  }
}
