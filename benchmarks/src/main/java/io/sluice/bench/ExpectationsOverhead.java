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
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Throughput of a streaming table with 0 and with 5 expectations on the same input: a bronze table
 * of N rows is written once, then two silver flows read all of it, alternately, each fully
 * refreshed before every measured run. Reports the median rows/s of each and their ratio.
 */
final class ExpectationsOverhead {
  private final Path dir;
  private final int rows;
  private final int rounds;

  ExpectationsOverhead(Path dir, int rows, int rounds) {
    this.dir = dir;
    this.rows = rows;
    this.rounds = rounds;
  }

  String run() throws Exception {
    writePipeline();
    LoadedPipeline p = PipelineLoader.load(dir, Map.of());
    if (p.hasErrors()) {
      throw new IllegalStateException(p.problems().toString());
    }
    List<Double> plain = new ArrayList<>();
    List<Double> checked = new ArrayList<>();
    try (EmbeddedCluster cluster = EmbeddedCluster.start(4, EngineConfig.cluster(p.spec()))) {
      UpdateRunner runner = new UpdateRunner(cluster, UpdateListener.NONE, EngineConfig.of(p.spec()));
      require(runner.run(p.spec(), p.graph(), p.problems(), new RunOptions(Set.of("bronze"), Set.of(), false)));
      for (int round = 0; round < rounds; round++) {
        plain.add(throughput(runner, p, "silver_plain"));
        checked.add(throughput(runner, p, "silver_checked"));
      }
    }
    double a = Median.of(plain);
    double b = Median.of(checked);
    return String.format("expectations overhead, %,d rows, median of %d runs each:%n"
            + "  0 expectations: %,.0f rows/s  (runs: %s)%n"
            + "  5 expectations: %,.0f rows/s  (runs: %s)%n"
            + "  ratio 5/0: %.2f%n", rows, rounds, a, format(plain), b, format(checked), b / a);
  }

  private double throughput(UpdateRunner runner, LoadedPipeline p, String table) {
    UpdateResult r = runner.run(p.spec(), p.graph(), p.problems(), new RunOptions(Set.of(), Set.of(table), false));
    require(r);
    FlowResult flow = r.flows().stream().filter(f -> f.flow().equals(table)).findFirst().orElseThrow();
    if (flow.rowsRead() != rows) {
      throw new IllegalStateException(table + " read " + flow.rowsRead() + " rows, expected " + rows);
    }
    return rows / (flow.duration().toMillis() / 1000.0);
  }

  private static void require(UpdateResult r) {
    if (!r.succeeded()) {
      throw new IllegalStateException("update failed: " + r);
    }
  }

  private static String format(List<Double> values) {
    return String.join(", ", values.stream().map(v -> String.format("%,.0f", v)).toList());
  }

  private void writePipeline() throws IOException {
    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("pipeline.yaml"), "name: expectations_overhead\n");
    Files.writeString(dir.resolve("p.sql"), """
        CREATE STREAMING TABLE bronze AS SELECT * FROM STREAM read_files('in', format => 'json',
          schema => 'id BIGINT, email STRING, age INT, amount DOUBLE, country STRING');
        CREATE STREAMING TABLE silver_plain AS SELECT * FROM STREAM(bronze);
        CREATE STREAMING TABLE silver_checked (
          CONSTRAINT valid_id EXPECT (id IS NOT NULL) ON VIOLATION DROP ROW,
          CONSTRAINT valid_email EXPECT (email LIKE '%@%.%') ON VIOLATION QUARANTINE,
          CONSTRAINT adult EXPECT (age BETWEEN 18 AND 120),
          CONSTRAINT positive_amount EXPECT (amount > 0),
          CONSTRAINT known_country EXPECT (country IN ('FR', 'DE', 'US', 'GB', 'NL'))
        ) AS SELECT * FROM STREAM(bronze);
        """);
    int files = 8;
    for (int f = 0; f < files; f++) {
      try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("in").resolve("part-" + f + ".json"))) {
        for (int i = f; i < rows; i += files) {
          String id = i % 97 == 0 ? "null" : String.valueOf(i);
          String email = i % 53 == 0 ? "broken" + i : "user" + i + "@example.com";
          String[] countries = {"FR", "DE", "US", "GB", "NL", "XX"};
          w.write("{\"id\":" + id + ",\"email\":\"" + email + "\",\"age\":" + (i % 90) + ",\"amount\":"
              + (i % 41 == 0 ? -1 : i % 1000) + ".5,\"country\":\"" + countries[i % 6] + "\"}\n");
        }
      }
    }
  }
}
