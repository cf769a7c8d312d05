package io.sluice.bench.suite;

import io.sluice.bench.suite.EngineProcess.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code benchmarks/run suite [sf] [rounds]}: generates the data (once per scale factor), runs
 * W1–W4 on every engine, each run in a JVM of its own, {@code rounds} times with the engines'
 * order rotated every round, checksums every output table of the first round, and prints one table
 * (see {@link SuiteTable}). Engines that are not built, or fail, are reported as such. Returns
 * false when two engines' outputs disagree.
 *
 * <p>Runs, per round: W1 on every engine; W2 without and with expectations over each engine's own
 * W1 output; W3; W4 (not for {@code flink}, see WORKLOADS.md) on a folder of links to the 99%
 * files, then again after the increment file is linked in. A round's outputs are deleted after it;
 * the child processes' output and logs stay under {@code <work>/logs}.
 */
public final class Suite {
  /**
   * Chosen so that the suite (three engines, three rounds) fits in 30 minutes on 2 cores: one
   * round of sluice alone at SF 1 took 238 s (checksums included), so three engines and three
   * rounds at SF 0.5 come to an estimated 15-20 minutes.
   */
  public static final double DEFAULT_SF = 0.5;
  static final List<String> WORKLOADS = List.of("W1", "W2-0", "W2-5", "W3", "W4-full", "W4-incremental");
  private final Path repo;
  private final Path work;
  private final TpchData data;
  private final int rounds;
  private final Map<String, Map<String, List<Outcome>>> runs = new LinkedHashMap<>();
  private final Map<String, Map<String, List<TableChecksum>>> outputs = new LinkedHashMap<>();

  public Suite(Path repo, Path dataRoot, Path work, double sf, int rounds) {
    this.repo = repo;
    this.work = work;
    this.data = new TpchData(dataRoot, sf);
    this.rounds = rounds;
    WORKLOADS.forEach(w -> {
      runs.put(w, new LinkedHashMap<>());
      outputs.put(w, new LinkedHashMap<>());
    });
  }

  /** Runs the suite, prints the table to {@code System.out}; true when no outputs disagree. */
  public boolean run() throws Exception {
    long started = System.nanoTime();
    System.out.println("data: " + data.dir() + " (generating it if missing)");
    TpchData.Counts counts = data.ensure();
    System.out.printf("data: %s, ready after %.0f s%n", counts, (System.nanoTime() - started) / 1e9);
    List<SuiteEngine> engines = SuiteEngine.all(repo);
    List<SuiteEngine> available = engines.stream().filter(SuiteEngine::available).toList();
    for (int round = 0; round < rounds; round++) {
      List<SuiteEngine> order = new ArrayList<>(available);
      java.util.Collections.rotate(order, -round);
      Path dir = work.resolve("r" + round);
      TpchData.delete(dir);
      for (SuiteEngine e : order) {
        measure(round, e, "W1", List.of("W1", data.jsonLineitem().toString(), bronze(dir, e).toString()),
            List.of(bronze(dir, e)));
      }
      for (String expectations : List.of("0", "5")) {
        for (SuiteEngine e : order) {
          Path out = dir.resolve(e.name()).resolve("W2-" + expectations);
          List<Path> tables = expectations.equals("5")
              ? List.of(out.resolve("silver_lineitem"), out.resolve("silver_lineitem_quarantine"))
              : List.of(out.resolve("silver_lineitem"));
          if (Files.isDirectory(bronze(dir, e).resolve("_delta_log"))) {
            measure(round, e, "W2-" + expectations,
                List.of("W2", bronze(dir, e).toString(), out.toString(), expectations), tables);
          } else {
            record(round, e, "W2-" + expectations, new Outcome(java.util.Optional.empty(), 0, 0, "no W1 output"));
          }
        }
      }
      for (SuiteEngine e : order) {
        Path out = dir.resolve(e.name()).resolve("W3/revenue_by_segment_year");
        measure(round, e, "W3", List.of("W3", data.parquet().toString(), out.toString()), List.of(out));
      }
      for (SuiteEngine e : order) {
        if (!e.name().equals("flink")) {
          incremental(round, e, dir.resolve(e.name()).resolve("W4"));
        }
      }
      TpchData.delete(dir);
    }
    SuiteTable table = new SuiteTable(counts, engines, runs, outputs);
    System.out.print(table.render());
    System.out.printf("suite: %d rounds in %.0f s%n", rounds, (System.nanoTime() - started) / 1e9);
    return table.agreed();
  }

  private void incremental(int round, SuiteEngine e, Path dir) throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    try (var files = Files.list(data.jsonLineitem())) {
      for (Path f : files.toList()) {
        Files.createLink(in.resolve(f.getFileName()), f);
      }
    }
    Path out = dir.resolve("lineitem_incremental");
    List<String> args = List.of("W4", in.toString(), out.toString(), dir.resolve("state").toString());
    measure(round, e, "W4-full", args, List.of());
    try (var files = Files.list(data.jsonIncrement())) {
      for (Path f : files.toList()) {
        Files.createLink(in.resolve(f.getFileName()), f);
      }
    }
    measure(round, e, "W4-incremental", args, List.of(out));
  }

  private static Path bronze(Path round, SuiteEngine e) {
    return round.resolve(e.name()).resolve("W1/bronze_lineitem");
  }

  private void measure(int round, SuiteEngine e, String workload, List<String> args, List<Path> tables)
      throws Exception {
    String label = String.format("r%d-%s-%s", round, e.name(), workload);
    System.out.printf("run %s: %s%n", label, String.join(" ", args));
    Outcome o = EngineProcess.run(e, args, work.resolve("logs"), label);
    System.out.printf("  %s%n", o.ok()
        ? String.format("%.1f s (process %.1f s), %,d records", o.result().get().seconds(), o.processSeconds(),
            o.result().get().records())
        : "FAILED: " + o.failure());
    record(round, e, workload, o);
    if (round == 0 && o.ok() && !tables.isEmpty()) {
      List<TableChecksum> sums = new ArrayList<>();
      for (Path t : tables) {
        try {
          sums.add(TableChecksum.of(t));
        } catch (RuntimeException ex) {
          System.out.printf("  cannot read %s: %s%n", t, ex);
          sums.add(new TableChecksum(-1, "unreadable"));
        }
      }
      outputs.get(workload).put(e.name(), sums);
    }
  }

  private void record(int round, SuiteEngine e, String workload, Outcome o) {
    runs.get(workload).computeIfAbsent(e.name(), k -> new ArrayList<>()).add(o);
  }
}
