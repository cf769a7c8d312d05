package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.DeltaReader;
import io.sluice.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice run --continuous} as a user runs it, in a child process: it picks up new files,
 * shows progress, and stops with savepoints on {@code sluice stop} and on SIGTERM; each start
 * resumes where the last stop left off.
 */
class ContinuousCliITCase {
  static final Duration WITHIN = Duration.ofMinutes(2);

  @TempDir Path dir;

  @Test
  void stopsWithSluiceStopAndSigtermAndResumesWithoutLossOrDuplicates() throws Exception {
    Path p = dir.resolve("live");
    Files.createDirectories(p.resolve("in"));
    Files.writeString(p.resolve("pipeline.yaml"), "name: live\ncheckpoints: {interval: 1s}\n");
    Files.writeString(p.resolve("orders.sql"), """
        CREATE STREAMING TABLE orders
        AS SELECT * FROM STREAM read_files('in', format => 'json', discoveryInterval => '300',
                                           schema => 'id BIGINT, amount INT');
        """);
    Files.writeString(p.resolve("in/1.json"), orders(0, 10));

    assertThat(Main.execute("stop", p.toString())).as("nothing to stop yet").isEqualTo(1);

    Path run1 = dir.resolve("run1");
    Process first = CliProcess.start(run1, "run", p.toString(), "--continuous");
    waitForIds(p, 10, first, run1);
    Files.writeString(p.resolve("in/2.json"), orders(10, 20));
    waitForIds(p, 20, first, run1);
    assertThat(Main.execute("stop", p.toString())).isZero();
    assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(first.exitValue()).as(CliProcess.output(run1)).isZero();
    assertThat(CliProcess.output(run1)).contains("STOPPED").contains("stopped in").contains("[progress] orders:");

    Files.writeString(p.resolve("in/3.json"), orders(20, 30));
    Path run2 = dir.resolve("run2");
    Process second = CliProcess.start(run2, "run", p.toString(), "--continuous");
    waitForIds(p, 30, second, run2);
    second.destroy(); // SIGTERM
    assertThat(second.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(second.exitValue()).as(CliProcess.output(run2)).isZero();
    assertThat(CliProcess.output(run2)).contains("Stopping (SIGTERM)").contains("STOPPED");

    assertThat(ids(p)).as("every order once").isEqualTo(IntStream.range(0, 30).mapToObj(i -> (long) i).toList());
  }

  private static String orders(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "{\"id\": " + i + ", \"amount\": " + i + "}")
        .collect(Collectors.joining("\n")) + "\n";
  }

  private static List<Long> ids(Path p) {
    return DeltaReader.of(p.resolve("storage/tables/orders")).rows().stream()
        .map(r -> (Long) r.get("id")).sorted().toList();
  }

  private static void waitForIds(Path p, int count, Process child, Path out) {
    Eventually.until(WITHIN, count + " orders (output: " + out + ")", () -> {
      if (!child.isAlive()) {
        throw new AssertionError("sluice run ended:\n" + CliProcess.output(out));
      }
      return ids(p).size();
    }, n -> n >= count);
  }
}
