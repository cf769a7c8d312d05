package io.sluice.bench.suite;

import io.sluice.bench.suite.EngineProcess.Outcome;
import java.util.Optional;

/**
 * One W5 run of one engine: the process's outcome, why the suite's own checks failed (empty if
 * they passed), the checksums of the kept records as sent, of the output topic and of the table,
 * and the latencies measured (empty when the run failed).
 */
record LatencyResult(Outcome outcome, String problem, Optional<TableChecksum> expected,
    Optional<TableChecksum> sink, Optional<TableChecksum> table, Optional<Latencies.Summary> kafka,
    Optional<Latencies.Summary> delta) {

  static LatencyResult failed(Outcome outcome, String problem) {
    return new LatencyResult(outcome, problem, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  boolean ok() {
    return outcome.ok() && problem.isEmpty() && kafka.isPresent() && delta.isPresent();
  }

  /** Both outputs hold exactly the kept records: count and checksum equal to what was sent. */
  boolean agrees() {
    return expected.isPresent() && expected.equals(sink) && expected.equals(table);
  }

  /** Why the run failed, or which output differs from what was sent; empty if neither. */
  String failure() {
    if (!outcome.failure().isEmpty()) {
      return outcome.failure();
    }
    if (!problem.isEmpty()) {
      return problem;
    }
    if (!agrees()) {
      return "outputs differ from the kept records: sent " + expected.map(LatencyResult::describe).orElse("?")
          + ", topic " + sink.map(LatencyResult::describe).orElse("?") + ", table "
          + table.map(LatencyResult::describe).orElse("?");
    }
    return "";
  }

  private static String describe(TableChecksum c) {
    return String.format("%,d rows %s", c.rows(), c.checksum());
  }
}
