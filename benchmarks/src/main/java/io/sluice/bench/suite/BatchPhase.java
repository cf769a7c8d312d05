package io.sluice.bench.suite;

import io.sluice.bench.suite.EngineProcess.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The suite's W1–W4 (those selected), per round: W1 on every engine; W2 without and with
 * expectations over each engine's own W1 output; W3; W4 (not for {@code flink}, see WORKLOADS.md)
 * on a folder of links to the 99% files, then again after the increment file is linked in. Every
 * run's outcome is kept, and the checksums of the first round's output tables.
 */
final class BatchPhase {
  private final TpchData data;
  private final Path logs;
  private final Set<String> workloads;
  private final Map<String, Map<String, List<Outcome>>> runs = new LinkedHashMap<>();
  private final Map<String, Map<String, List<TableChecksum>>> outputs = new LinkedHashMap<>();

  BatchPhase(TpchData data, Path logs, Set<String> workloads) {
    this.data = data;
    this.logs = logs;
    this.workloads = workloads;
    Suite.WORKLOADS.stream().filter(w -> workloads.contains(w.substring(0, 2))).forEach(w -> {
      runs.put(w, new LinkedHashMap<>());
      outputs.put(w, new LinkedHashMap<>());
    });
  }

  /** Whether any of W1–W4 is selected. */
  boolean selected() {
    return !runs.isEmpty();
  }

  SuiteTable table(TpchData.Counts counts, List<SuiteEngine> engines) {
    return new SuiteTable(counts, engines, runs, outputs);
  }

  void round(int round, List<SuiteEngine> order, Path dir) throws Exception {
    if (workloads.contains("W1")) {
      for (SuiteEngine e : order) {
        measure(round, e, "W1", List.of("W1", data.jsonLineitem().toString(), bronze(dir, e).toString()),
            List.of(bronze(dir, e)));
      }
    }
    for (String expectations : workloads.contains("W2") ? List.of("0", "5") : List.<String>of()) {
      for (SuiteEngine e : order) {
        Path out = dir.resolve(e.name()).resolve("W2-" + expectations);
        List<Path> tables = expectations.equals("5")
            ? List.of(out.resolve("silver_lineitem"), out.resolve("silver_lineitem_quarantine"))
            : List.of(out.resolve("silver_lineitem"));
        if (Files.isDirectory(bronze(dir, e).resolve("_delta_log"))) {
          measure(round, e, "W2-" + expectations,
              List.of("W2", bronze(dir, e).toString(), out.toString(), expectations), tables);
        } else {
          record(round, e, "W2-" + expectations, new Outcome(Optional.empty(), 0, 0, "no W1 output"));
        }
      }
    }
    if (workloads.contains("W3")) {
      for (SuiteEngine e : order) {
        Path out = dir.resolve(e.name()).resolve("W3/revenue_by_segment_year");
        measure(round, e, "W3", List.of("W3", data.parquet().toString(), out.toString()), List.of(out));
      }
    }
    if (workloads.contains("W4")) {
      for (SuiteEngine e : order) {
        if (!e.name().equals("flink")) {
          incremental(round, e, dir.resolve(e.name()).resolve("W4"));
        }
      }
    }
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
    Outcome o = EngineProcess.run(e, args, logs, label);
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
