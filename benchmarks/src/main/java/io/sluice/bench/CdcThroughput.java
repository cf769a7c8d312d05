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
 * order) over K keys in a bronze Delta table, applied by an SCD type 1 and an SCD type 2 flow, and
 * copied by a plain streaming table as the baseline; each measured run is a full refresh of one
 * flow, alternating. Reports events/s (rows read / flow time, job start included), the ratio to
 * the copy, and the size of the flow's savepoint (its state) after the run.
 */
final class CdcThroughput {
  private static final List<String> FLOWS = List.of("copy", "scd1", "scd2");
  private final Path dir;
  private final int events;
  private final int keys;
  private final int rounds;

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
    FLOWS.forEach(f -> rates.put(f, new ArrayList<>()));
    try (EmbeddedCluster cluster = EmbeddedCluster.start(4, EngineConfig.cluster(p.spec()))) {
      UpdateRunner runner = new UpdateRunner(cluster, UpdateListener.NONE, EngineConfig.of(p.spec()));
      require(runner.run(p.spec(), p.graph(), p.problems(), new RunOptions(Set.of("changes"), Set.of(), false)));
      for (int round = 0; round < rounds; round++) {
        for (String flow : FLOWS) {
          UpdateResult r = runner.run(p.spec(), p.graph(), p.problems(), new RunOptions(Set.of(), Set.of(flow), false));
          require(r);
          FlowResult f = r.flows().stream().filter(x -> x.target().equals(flow)).findFirst().orElseThrow();
          if (f.rowsRead() != events) {
            throw new IllegalStateException(flow + " read " + f.rowsRead() + " events, expected " + events);
          }
          rates.get(flow).add(events / (f.duration().toMillis() / 1000.0));
          stateBytes.put(flow, size(new StorageLayout(p.spec().storage()).savepoints(flowName(flow))));
        }
      }
    }
    double copy = Median.of(rates.get("copy"));
    StringBuilder out = new StringBuilder(String.format(
        "AUTO CDC throughput (W6), %,d events over %,d keys, median of %d runs:%n", events, keys, rounds));
    for (String flow : FLOWS) {
      double median = Median.of(rates.get(flow));
      out.append(String.format("  %-5s %,10.0f events/s  ratio to copy %.2f  state %,d KiB  (runs: %s)%n", flow,
          median, median / copy, stateBytes.get(flow) / 1024, String.join(", ",
              rates.get(flow).stream().map(v -> String.format("%,.0f", v)).toList())));
    }
    return out.toString();
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
        CREATE STREAMING TABLE scd2;
        CREATE FLOW to_scd2 AS AUTO CDC INTO scd2 FROM STREAM(changes) KEYS (id)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op, seq)
          STORED AS SCD TYPE 2 TRACK HISTORY ON * EXCEPT (amount);
        """);
    Random random = new Random(42);
    String[] cities = {"Lyon", "Porto", "Gent", "Turku", "Brno", "Cork"};
    int files = 8;
    long[] seq = new long[keys];
    List<BufferedWriter> out = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      out.add(Files.newBufferedWriter(dir.resolve("in").resolve("part-" + f + ".json")));
    }
    try {
      for (int i = 0; i < events; i++) {
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
