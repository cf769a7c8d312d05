package io.sluice.bench.suite;

import io.sluice.bench.suite.EngineProcess.Outcome;
import io.sluice.testing.DeltaCommits;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One W5 run of one engine (WORKLOADS.md): two new topics, the engine started with the
 * contract's arguments, records sent once it printed {@code READY}, then a wait until every kept
 * record is in the output topic and in the table, the stop file, the engine's exit, and what
 * the outputs hold: latencies per output and checksums.
 */
final class LatencyRun {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  private LatencyRun() {}

  static LatencyResult run(EmbeddedKafka kafka, SuiteEngine engine, String label, Path dir, Path logs,
      LatencySettings settings) throws Exception {
    String in = label + "-in";
    String out = label + "-out";
    kafka.createTopic(in, 2);
    kafka.createTopic(out, 2);
    Files.createDirectories(dir);
    Path table = dir.resolve("events");
    Path state = dir.resolve("state");
    List<String> args = List.of("W5", kafka.bootstrapServers(), in, out, table.toString(), state.toString(),
        Long.toString(settings.commitMillis()));
    System.out.printf("run %s: %s%n", label, String.join(" ", args));
    EngineProcess process = EngineProcess.start(engine, args, logs, label);
    try {
      return measure(process, kafka.bootstrapServers(), in, out, table, state, settings);
    } catch (Exception | Error e) {
      stop(state);
      process.finish(STOP_TIMEOUT);
      throw e;
    }
  }

  private static LatencyResult measure(EngineProcess process, String bootstrap, String in, String out, Path table,
      Path state, LatencySettings settings) throws Exception {
    if (!process.awaitLine("READY", START_TIMEOUT)) {
      stop(state);
      return LatencyResult.failed(process.finish(STOP_TIMEOUT), "no READY within " + START_TIMEOUT.toMinutes()
          + " min");
    }
    try (SinkWatcher watcher = SinkWatcher.start(bootstrap, out)) {
      RateProducer.Sent sent = RateProducer.produce(bootstrap, in, settings.rate(), settings.total());
      String problem = awaitOutputs(process, watcher, table, sent.kept());
      stop(state);
      Outcome outcome = process.finish(STOP_TIMEOUT);
      if (!problem.isEmpty() || !outcome.ok()) {
        return LatencyResult.failed(outcome, problem);
      }
      try {
        return measured(outcome, sent, watcher, table, sent.startedMillis() + settings.warmupMillis());
      } catch (RuntimeException e) {
        return LatencyResult.failed(outcome, "cannot read the outputs: " + e);
      }
    }
  }

  private static LatencyResult measured(Outcome outcome, RateProducer.Sent sent, SinkWatcher watcher, Path table,
      long measuredFrom) {
    Latencies delta = new Latencies(measuredFrom);
    for (DeltaCommits.Commit c : DeltaCommits.read(table, "sent_at")) {
      c.added().forEach(sentAt -> delta.add(sentAt, c.timestampMillis()));
    }
    return new LatencyResult(outcome, "", Optional.of(sent.keptChecksum()), Optional.of(watcher.checksum()),
        Optional.of(TableChecksum.of(table)), Optional.of(watcher.latencies(measuredFrom).summary()),
        Optional.of(delta.summary()));
  }

  /** Waits until both outputs hold {@code kept} records; returns why not if they do not in time. */
  private static String awaitOutputs(EngineProcess process, SinkWatcher watcher, Path table, long kept)
      throws InterruptedException {
    long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
    long inTable = 0;
    while (true) {
      long inTopic = watcher.count();
      if (inTopic >= kept) {
        inTable = rows(table);
        if (inTable >= kept) {
          return "";
        }
      }
      if (System.nanoTime() > deadline || process.waitForExit(250)) {
        return String.format("%s with %,d of %,d kept records in the topic and %,d in the table",
            System.nanoTime() > deadline ? "after " + OUTPUT_TIMEOUT.toMinutes() + " min" : "exited early",
            inTopic, kept, inTable);
      }
    }
  }

  /** Rows the table's commits added so far; 0 while it has no readable log. */
  private static long rows(Path table) {
    if (!Files.isDirectory(table.resolve("_delta_log"))) {
      return 0;
    }
    try {
      return DeltaCommits.read(table, "sent_at").stream().mapToLong(c -> c.added().size()).sum();
    } catch (RuntimeException e) {
      return 0; // a commit being written: try again
    }
  }

  private static void stop(Path state) throws IOException {
    Files.createDirectories(state);
    Path stop = state.resolve("stop");
    if (!Files.exists(stop)) {
      Files.createFile(stop);
    }
  }
}
