package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.DeltaReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a {@code sluice run} process (SIGKILL) in the middle of a triggered update, runs again,
 * and compares every table with an uninterrupted run: no row lost, none duplicated.
 */
class KillAndResumeITCase {
  static final int FILES = 24;
  static final int ROWS_PER_FILE = 25;

  @TempDir Path dir;

  @Test
  void killedRunResumesToTheSameTables() throws Exception {
    Path reference = pipeline(dir.resolve("reference"));
    Path killed = pipeline(dir.resolve("killed"));

    assertThat(Main.execute("run", reference.toString())).isZero();

    Process child = CliProcess.start(killed, "run", killed.toString());
    Path bronze = killed.resolve("storage/tables/bronze");
    long seen = waitForPartialProgress(bronze, child, killed);
    child.destroyForcibly().waitFor();
    assertThat(seen).as("killed while bronze was partly written").isBetween(1L, (long) FILES * ROWS_PER_FILE - 1);

    assertThat(Main.execute("run", killed.toString())).isZero();

    for (String table : List.of("bronze", "silver", "totals")) {
      assertThat(rows(killed, table)).as(table).isEqualTo(rows(reference, table));
    }
    assertThat(rows(killed, "bronze")).hasSize(FILES * ROWS_PER_FILE);
  }

  /** Polls until some but not all bronze rows are committed; returns how many were. */
  private static long waitForPartialProgress(Path bronze, Process child, Path workDir) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!child.isAlive()) {
        throw new AssertionError("sluice run ended before it could be killed:\n" + CliProcess.output(workDir));
      }
      if (Files.exists(bronze.resolve("_delta_log"))) {
        try {
          long n = DeltaReader.of(bronze).rows().size();
          if (n >= ROWS_PER_FILE * 3L) {
            return n;
          }
        } catch (RuntimeException e) {
          // the table is being created or committed: look again
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("bronze made no progress:\n" + CliProcess.output(workDir));
  }

  private static List<String> rows(Path pipeline, String table) {
    return DeltaReader.of(pipeline.resolve("storage/tables").resolve(table)).rows().stream()
        .map(Map::toString).sorted().collect(Collectors.toList());
  }

  /** One file read per checkpoint, checkpoints every 200 ms: the update takes several seconds. */
  private static Path pipeline(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("in"));
    Files.writeString(folder.resolve("pipeline.yaml"), """
        name: resume
        flink:
          execution.checkpointing.interval: 200ms
          parallelism.default: 1
        """);
    Files.writeString(folder.resolve("p.sql"), """
        CREATE STREAMING TABLE bronze AS
        SELECT * FROM STREAM read_files('in', format => 'json', maxFilesPerTrigger => 1);
        CREATE STREAMING TABLE silver AS
        SELECT id, v * 2 AS v2 FROM STREAM(bronze) WHERE MOD(id, 3) <> 0;
        CREATE MATERIALIZED VIEW totals AS
        SELECT COUNT(*) AS n, SUM(v2) AS s FROM silver;
        """);
    for (int f = 0; f < FILES; f++) {
      List<String> lines = new ArrayList<>();
      for (int r = 0; r < ROWS_PER_FILE; r++) {
        int id = f * ROWS_PER_FILE + r;
        lines.add("{\"id\": " + id + ", \"v\": " + (id % 7) + "}");
      }
      Files.write(folder.resolve("in").resolve(String.format("part-%03d.json", f)), lines);
    }
    return folder;
  }
}
