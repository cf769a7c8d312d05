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
    waitForCheckpoints(killed.resolve("storage/system/flows/bronze/checkpoints"), child, killed);
    child.destroyForcibly().waitFor();
    assertThat(DeltaReader.of(killed.resolve("storage/tables/bronze")).rows())
        .as("a triggered update publishes at its end: a killed one shows nothing").isEmpty();

    assertThat(Main.execute("run", killed.toString())).isZero();

    for (String table : List.of("bronze", "silver", "totals")) {
      assertThat(rows(killed, table)).as(table).isEqualTo(rows(reference, table));
    }
    assertThat(rows(killed, "bronze")).hasSize(FILES * ROWS_PER_FILE);
  }

  /** Polls until the running bronze job has completed its third checkpoint (a few files read). */
  private static void waitForCheckpoints(Path checkpoints, Process child, Path workDir) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (!child.isAlive()) {
        throw new AssertionError("sluice run ended before it could be killed:\n" + CliProcess.output(workDir));
      }
      if (completedCheckpoints(checkpoints) >= 3) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("bronze took no checkpoint:\n" + CliProcess.output(workDir));
  }

  private static long completedCheckpoints(Path checkpoints) throws IOException {
    if (!Files.isDirectory(checkpoints)) {
      return 0;
    }
    try (var walk = Files.walk(checkpoints, 3)) {
      return walk.filter(p -> p.getFileName().toString().equals("_metadata"))
          .map(p -> p.getParent().getFileName().toString())
          .filter(n -> n.startsWith("chk-"))
          .mapToLong(n -> Long.parseLong(n.substring(4)))
          .max().orElse(0);
    } catch (java.io.UncheckedIOException | IOException e) {
      return 0; // Flink is rotating checkpoints: look again
    }
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
