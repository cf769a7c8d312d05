package io.sluice.bench;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import io.sluice.runtime.exec.EmbeddedCluster;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.exec.UpdateRunner;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.storage.StorageLayout;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * W6, AUTO CDC throughput: N change events (inserts, updates, 5% deletes; 10% delivered out of
 * order) over K keys in a bronze Delta table, applied by an SCD type 1 flow into a Delta table and
 * one into an Iceberg table, and an SCD type 2 flow (Delta), and copied by a plain streaming table
 * as the baseline; each measured run is a full refresh of one flow, alternating. Reports events/s
 * (rows read / flow time, job start included), the ratio to the copy, the size of the flow's
 * savepoint (its state) after the run, the SCD type 1 ratio Iceberg / Delta, and the files each
 * SCD type 1 target's last run wrote (Iceberg also: the delete files its current snapshot holds).
 */
final class CdcThroughput {
  private static final List<String> FLOWS = List.of("copy", "scd1", "scd1_ice", "scd2");
  private static final List<String> INCREMENTAL = List.of("scd1", "scd1_ice");
  private final Path dir;
  private final int events;
  private final int keys;
  private final int rounds;
  private final Random random = new Random(42);
  private final String[] cities = {"Lyon", "Porto", "Gent", "Turku", "Brno", "Cork"};
  private long[] seq;

  CdcThroughput(Path dir, int events, int keys, int rounds) {
    this.dir = dir;
    this.events = events;
    this.keys = keys;
    this.rounds = rounds;
  }

  String run() throws Exception {
    writePipeline();
    LoadedPipeline p = PipelineLoader.load(dir, Map.of());
    if (p.hasErrors()) {
      throw new IllegalStateException(p.problems().toString());
    }
    Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
    Map<String, Long> stateBytes = new java.util.HashMap<>();
    Map<String, TargetFiles> written = new java.util.HashMap<>();
    FLOWS.forEach(f -> rates.put(f, new ArrayList<>()));
    INCREMENTAL.forEach(f -> rates.put(f + " incremental", new ArrayList<>()));
    String icebergAfterRefresh;
    try (EmbeddedCluster cluster = EmbeddedCluster.start(4, EngineConfig.cluster(p.spec()))) {
      UpdateRunner runner = new UpdateRunner(cluster, UpdateListener.NONE, EngineConfig.of(p.spec()));
      require(runner.run(p.spec(), p.graph(), p.problems(), new RunOptions(Set.of("changes"), Set.of(), false)));
      for (int round = 0; round < rounds; round++) {
        for (String flow : FLOWS) {
          java.time.Instant started = java.time.Instant.now();
          rates.get(flow).add(measure(runner, p, new RunOptions(Set.of(), Set.of(flow), false), flow, events));
          stateBytes.put(flow, size(new StorageLayout(p.spec().storage()).savepoints(flowName(flow))));
          if (flow.startsWith("scd1")) {
            written.put(flow, TargetFiles.since(table(p, flow), started));
          }
        }
      }
      icebergAfterRefresh = TargetFiles.icebergDeletes(table(p, "scd1_ice"));
      // Steady state: each round appends events/10 changes of existing keys to the tables above.
      int more = events / 10;
      for (int round = 0; round < rounds; round++) {
        writeEvents("more-" + round, more, 1);
        require(runner.run(p.spec(), p.graph(), p.problems(), new RunOptions(Set.of("changes"), Set.of(), false)));
        for (String flow : INCREMENTAL) {
          java.time.Instant started = java.time.Instant.now();
          rates.get(flow + " incremental").add(
              measure(runner, p, new RunOptions(Set.of(flow), Set.of(), false), flow, more));
          written.put(flow + " incremental", TargetFiles.since(table(p, flow), started));
        }
      }
    }
    double copy = Median.of(rates.get("copy"));
    StringBuilder out = new StringBuilder(String.format(
        "AUTO CDC throughput (W6), %,d events over %,d keys, median of %d runs:%n", events, keys, rounds));
    for (String flow : FLOWS) {
      double median = Median.of(rates.get(flow));
      out.append(String.format("  %-8s %,10.0f events/s  ratio to copy %.2f  state %,d KiB  (runs: %s)%n", flow,
          median, median / copy, stateBytes.get(flow) / 1024, runs(rates.get(flow))));
    }
    out.append(String.format("  SCD1 Iceberg / Delta (full refresh): %.2f%n",
        Median.of(rates.get("scd1_ice")) / Median.of(rates.get("scd1"))));
    out.append("  last full-refresh SCD1 run wrote: Delta ").append(written.get("scd1").describe())
        .append("; Iceberg ").append(written.get("scd1_ice").describe()).append(System.lineSeparator());
    out.append("  Iceberg after it: ").append(icebergAfterRefresh).append(System.lineSeparator());
    out.append(String.format("Incremental runs, %,d changes of existing keys each, median of %d runs:%n",
        events / 10, rounds));
    for (String flow : INCREMENTAL) {
      List<Double> r = rates.get(flow + " incremental");
      out.append(String.format("  %-8s %,10.0f events/s  (runs: %s); last run wrote %s%n", flow, Median.of(r),
          runs(r), written.get(flow + " incremental").describe()));
    }
    out.append(String.format("  SCD1 Iceberg / Delta (incremental): %.2f%n",
        Median.of(rates.get("scd1_ice incremental")) / Median.of(rates.get("scd1 incremental"))));
    out.append("  Iceberg after them: ").append(TargetFiles.icebergDeletes(table(p, "scd1_ice")))
        .append(System.lineSeparator());
    return out.toString();
  }

  /** Runs one update and returns the target flow's events/s; fails unless it read {@code expected}. */
  private static double measure(UpdateRunner runner, LoadedPipeline p, RunOptions options, String target,
      int expected) {
    UpdateResult r = runner.run(p.spec(), p.graph(), p.problems(), options);
    require(r);
    FlowResult f = r.flows().stream().filter(x -> x.target().equals(target)).findFirst().orElseThrow();
    if (f.rowsRead() != expected) {
      throw new IllegalStateException(target + " read " + f.rowsRead() + " events, expected " + expected);
    }
    return expected / (f.duration().toMillis() / 1000.0);
  }

  private static String runs(List<Double> rates) {
    return String.join(", ", rates.stream().map(v -> String.format("%,.0f", v)).toList());
  }

  private static Path table(LoadedPipeline p, String name) {
    return new StorageLayout(p.spec().storage()).table(name);
  }

  private static String flowName(String target) {
    return target.equals("copy") ? "copy" : "to_" + target;
  }

  private static long size(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void require(UpdateResult r) {
    if (!r.succeeded()) {
      throw new IllegalStateException("update failed: " + r);
    }
  }

  private void writePipeline() throws IOException {
    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("pipeline.yaml"), "name: cdc_throughput\n");
    Files.writeString(dir.resolve("p.sql"), """
        CREATE STREAMING TABLE changes AS SELECT * FROM STREAM read_files('in', format => 'json',
          schema => 'id BIGINT, seq BIGINT, op STRING, name STRING, city STRING, amount DOUBLE');
        CREATE STREAMING TABLE copy AS SELECT * FROM STREAM(changes);
        CREATE STREAMING TABLE scd1;
        CREATE FLOW to_scd1 AS AUTO CDC INTO scd1 FROM STREAM(changes) KEYS (id)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op);
        CREATE OR REFRESH STREAMING TABLE scd1_ice USING ICEBERG;
        CREATE FLOW to_scd1_ice AS AUTO CDC INTO scd1_ice FROM STREAM(changes) KEYS (id)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op);
        CREATE STREAMING TABLE scd2;
        CREATE FLOW to_scd2 AS AUTO CDC INTO scd2 FROM STREAM(changes) KEYS (id)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op, seq)
          STORED AS SCD TYPE 2 TRACK HISTORY ON * EXCEPT (amount);
        """);
    seq = new long[keys];
    writeEvents("part", events, 8);
  }

  /** {@code count} change events of random keys, spread over {@code files} JSON files. */
  private void writeEvents(String prefix, int count, int files) throws IOException {
    List<BufferedWriter> out = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      out.add(Files.newBufferedWriter(dir.resolve("in").resolve(prefix + "-" + f + ".json")));
    }
    try {
      for (int i = 0; i < count; i++) {
        int key = random.nextInt(keys);
        long s = ++seq[key] * 2 - (random.nextInt(10) == 0 ? 3 : 0); // 10% older than the key's last
        String op = seq[key] > 1 && random.nextInt(20) == 0 ? "DELETE" : "UPSERT";
        out.get(i % files).write("{\"id\":" + key + ",\"seq\":" + s + ",\"op\":\"" + op + "\",\"name\":\"n"
            + key + "\",\"city\":\"" + cities[random.nextInt(cities.length)] + "\",\"amount\":"
            + random.nextInt(1000) + ".5}\n");
      }
    } finally {
      for (BufferedWriter w : out) {
        w.close();
      }
    }
  }
}
