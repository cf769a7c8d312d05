package io.sluice.bench.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code benchmarks/run suite [sf] [rounds]}: generates the data (once per scale factor), runs
 * W1–W5 on every engine, each run in a JVM of its own, {@code rounds} times with the engines'
 * order rotated every round, checksums every output table of the first round (W5: of every
 * round, against the records sent), and prints the tables (see {@link SuiteTable} and
 * {@link LatencyTable}). Engines that are not built, or fail, are reported as such. Returns false
 * when two engines' outputs disagree, or a W5 output is not exactly the kept records.
 *
 * <p>Runs, per round: W1–W4 ({@link BatchPhase}), then W5 ({@link LatencyPhase}). A round's
 * outputs are deleted after it; the child processes' output and logs stay under
 * {@code <work>/logs}. {@code workloads} selects some of W1, W2, W3, W4 and W5 (data is generated
 * only for W1–W4); {@code engines} some of the engines (empty: all).
 */
public final class Suite {
  /**
   * Chosen so that the suite (three engines, three rounds) fits in 30 minutes on 2 cores: one
   * round of sluice alone at SF 1 took 238 s (checksums included), so three engines and three
   * rounds of W1–W4 at SF 0.5 come to an estimated 15-20 minutes (measured: 17.7); W5 adds about
   * 30 s per engine and round (measured: 172 s for three rounds of sluice and flink).
   */
  public static final double DEFAULT_SF = 0.5;
  static final List<String> WORKLOADS = List.of("W1", "W2-0", "W2-5", "W3", "W4-full", "W4-incremental");
  public static final Set<String> ALL = Set.of("W1", "W2", "W3", "W4", "W5");
  private final Path repo;
  private final Path work;
  private final TpchData data;
  private final int rounds;
  private final Set<String> workloads;
  private final Set<String> engineNames;
  private final LatencySettings latency;

  public Suite(Path repo, Path dataRoot, Path work, double sf, int rounds, Set<String> workloads,
      Set<String> engines, LatencySettings latency) {
    if (!ALL.containsAll(workloads) || workloads.isEmpty()) {
      throw new IllegalArgumentException("Cannot run workloads " + workloads + ": choose from " + new TreeSet<>(ALL));
    }
    this.repo = repo;
    this.work = work;
    this.data = new TpchData(dataRoot, sf);
    this.rounds = rounds;
    this.workloads = Set.copyOf(workloads);
    this.engineNames = Set.copyOf(engines);
    this.latency = latency;
  }

  /** Runs the suite, prints the tables to {@code System.out}; true when no outputs disagree. */
  public boolean run() throws Exception {
    long started = System.nanoTime();
    BatchPhase batch = new BatchPhase(data, work.resolve("logs"), workloads);
    TpchData.Counts counts = null;
    if (batch.selected()) {
      System.out.println("data: " + data.dir() + " (generating it if missing)");
      counts = data.ensure();
      System.out.printf("data: %s, ready after %.0f s%n", counts, (System.nanoTime() - started) / 1e9);
    }
    List<SuiteEngine> engines = SuiteEngine.all(repo).stream()
        .filter(e -> engineNames.isEmpty() || engineNames.contains(e.name())).toList();
    List<SuiteEngine> available = engines.stream().filter(SuiteEngine::available).toList();
    LatencyPhase w5 = new LatencyPhase(latency, work.resolve("logs"));
    for (int round = 0; round < rounds; round++) {
      List<SuiteEngine> order = new ArrayList<>(available);
      java.util.Collections.rotate(order, -round);
      Path dir = work.resolve("r" + round);
      TpchData.delete(dir);
      batch.round(round, order, dir);
      if (workloads.contains("W5")) {
        w5.round(round, order, dir);
      }
      TpchData.delete(dir);
    }
    boolean agreed = true;
    if (batch.selected()) {
      SuiteTable table = batch.table(counts, engines);
      System.out.print(table.render());
      agreed = table.agreed();
    }
    if (workloads.contains("W5")) {
      LatencyTable table = new LatencyTable(engines, w5.runs(), latency);
      System.out.print(table.render());
      agreed &= table.agreed();
    }
    System.out.printf("suite: %d rounds in %.0f s%n", rounds, (System.nanoTime() - started) / 1e9);
    return agreed;
  }
}
