package io.sluice.connectors.delta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.flink.table.data.RowData;

/**
 * What a checkpoint of a {@link WriteMode#SNAPSHOT} sink writes when a small share of a large
 * table's rows changes: whole parts (one bucket per writer, as before buckets) against touched
 * buckets, side by side on the same machine in the same run. Not a test; run by hand (see
 * BENCHMARKS.md): {@code SnapshotRewriteBenchmark [rows] [targetFileRows,...] [rate,...]
 * [rounds]}.
 *
 * <p>Each configuration loads a table of {@code rows} rows (id, name) through two writers, then,
 * per round, updates {@code rate * rows} random ids (an update retracts the old row and inserts
 * the new one) and takes one checkpoint: barrier, parts to the committer, commit. Measured per
 * checkpoint: files and bytes written, and the time from the barrier to the end of the commit.
 * The writers' own state snapshot is left out (the same in both modes).
 */
final class SnapshotRewriteBenchmark {
  private static final int PARALLELISM = 2;

  private record Run(long files, long bytes, long millis) {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    List<Integer> targets = ints(args.length > 1 ? args[1] : "100000,10000");
    List<Double> rates = doubles(args.length > 2 ? args[2] : "0.0001,0.001,0.01");
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    System.out.printf("rows %,d, parallelism %d, %d rounds, JDK %s, %d cores%n", rows,
        PARALLELISM, rounds, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| targetFileRows | changed ids | mode | files written | MiB written "
        + "| ms per checkpoint (median; runs) |");
    System.out.println("|---|---|---|---|---|---|");
    for (int target : targets) {
      run(rows, target, rates, rounds);
    }
  }

  private static void run(int rows, int target, List<Double> rates, int rounds)
      throws Exception {
    Path dir = Files.createTempDirectory("snapshot-bench");
    long[] versions = new long[rows];
    Map<Boolean, SnapshotSinkHarness> sinks = new HashMap<>();
    Map<Boolean, Map<Integer, Set<String>>> partFiles = new HashMap<>();
    for (boolean whole : new boolean[] {true, false}) {
      String table = TestTables.uri(dir.resolve(whole ? "whole" : "buckets"));
      DeltaTable.forPath(table).create(TestTables.ID_NAME, List.of(), Map.of());
      DeltaSinkConfig config = DeltaSink.builder(table, TestTables.ID_NAME)
          .mode(WriteMode.SNAPSHOT).applicationId("bench").uidPrefix("b")
          .targetFileRows(target).config();
      SnapshotSinkHarness sink = SnapshotSinkHarness.withMaxBuckets(
          whole ? 1 : SnapshotBuckets.MAX_BUCKETS, config, PARALLELISM);
      for (int id = 0; id < rows; id++) {
        sink.insert(row(id, 0));
      }
      partFiles.put(whole, new HashMap<>());
      checkpoint(sink, 1L, partFiles.get(whole));
      sinks.put(whole, sink);
    }
    Random random = new Random(42);
    long checkpoint = 2;
    for (double rate : rates) {
      int changes = (int) Math.round(rows * rate);
      Map<Boolean, List<Run>> runs = new HashMap<>();
      for (int round = 0; round < rounds; round++) {
        List<RowData[]> updates = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
          int id = random.nextInt(rows);
          updates.add(new RowData[] {row(id, versions[id]), row(id, versions[id] + 1)});
          versions[id]++;
        }
        // alternate which mode goes first, so both see the same machine state
        for (boolean whole : round % 2 == 0 ? new boolean[] {true, false}
            : new boolean[] {false, true}) {
          SnapshotSinkHarness sink = sinks.get(whole);
          for (RowData[] update : updates) {
            sink.update(update[0], update[1]);
          }
          runs.computeIfAbsent(whole, w -> new ArrayList<>())
              .add(checkpoint(sink, checkpoint, partFiles.get(whole)));
        }
        checkpoint++;
      }
      for (boolean whole : new boolean[] {true, false}) {
        print(target, changes, whole ? "whole part" : "touched buckets", runs.get(whole));
      }
    }
    for (SnapshotSinkHarness sink : sinks.values()) {
      if (sink.rowsCommitted() != rows) {
        throw new IllegalStateException("Expected " + rows + " rows in the table, found "
            + sink.rowsCommitted());
      }
      sink.close();
    }
  }

  private static Run checkpoint(SnapshotSinkHarness sink, long id,
      Map<Integer, Set<String>> previous) throws Exception {
    long start = System.nanoTime();
    sink.barrier(id);
    sink.complete(id);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long files = 0;
    long bytes = 0;
    for (DeltaSnapshotPart part : sink.parts()) {
      Set<String> before = previous.getOrDefault(part.subtask(), Set.of());
      Set<String> now = new HashSet<>();
      for (DeltaCommittable file : part.files()) {
        now.add(file.path());
        if (!before.contains(file.path())) {
          files++;
          bytes += file.size();
        }
      }
      previous.put(part.subtask(), now);
    }
    return new Run(files, bytes, millis);
  }

  private static void print(int target, int changes, String mode, List<Run> runs) {
    List<Long> millis = runs.stream().map(Run::millis).sorted().toList();
    List<Long> files = runs.stream().map(Run::files).sorted().toList();
    List<Long> bytes = runs.stream().map(Run::bytes).sorted().toList();
    System.out.printf("| %,d | %,d | %s | %d | %.1f | **%d** (%s) |%n", target, changes, mode,
        files.get(files.size() / 2), bytes.get(bytes.size() / 2) / 1048576.0,
        millis.get(millis.size() / 2),
        String.join(" / ", runs.stream().map(run -> Long.toString(run.millis())).toList()));
  }

  private static RowData row(long id, long version) {
    return TestTables.row(id, "name-" + id + "-v" + version);
  }

  private static List<Integer> ints(String list) {
    List<Integer> values = new ArrayList<>();
    for (String value : list.split(",")) {
      values.add(Integer.parseInt(value.trim()));
    }
    return values;
  }

  private static List<Double> doubles(String list) {
    List<Double> values = new ArrayList<>();
    for (String value : list.split(",")) {
      values.add(Double.parseDouble(value.trim()));
    }
    return values;
  }
}
