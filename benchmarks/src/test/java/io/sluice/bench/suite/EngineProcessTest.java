package io.sluice.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.suite.EngineProcess.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A continuous engine's life as the suite sees it, with {@link FakeEngine} in a JVM of its own. */
class EngineProcessTest {
  private static final SuiteEngine FAKE = new SuiteEngine("fake", FakeEngine.class.getName(),
      Optional.of(System.getProperty("java.class.path")), "");

  @TempDir
  Path dir;

  @Test
  void waitsForReadyThenForTheResultAfterTheStopFile() throws Exception {
    EngineProcess p = EngineProcess.start(FAKE, List.of("W5", dir.toString()), dir.resolve("logs"), "fake");

    assertThat(p.awaitLine("READY", Duration.ofMinutes(1))).isTrue();
    assertThat(p.waitForExit(200)).as("runs until the stop file").isFalse();
    Files.createFile(dir.resolve("stop"));
    Outcome o = p.finish(Duration.ofMinutes(1));

    assertThat(o.failure()).isEmpty();
    assertThat(o.result()).contains(new ResultLine("fake", "W5", 7, 0.5, 1, null));
    assertThat(o.peakRssBytes()).isGreaterThan(1);
  }

  @Test
  void anEngineWithoutTheWorkloadIsAFailureWithItsMessageNotAWaitForReady() throws Exception {
    EngineProcess p = EngineProcess.start(FAKE, List.of("W5", "a", "b"), dir.resolve("logs"), "refusing");

    long start = System.nanoTime();
    assertThat(p.awaitLine("READY", Duration.ofMinutes(1))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    Outcome o = p.finish(Duration.ofSeconds(10));

    assertThat(o.ok()).isFalse();
    assertThat(o.failure()).startsWith("exit 2: Cannot run workload 'W5 a b'");
  }

  @Test
  void findsALineOfItsOwnOnly() {
    assertThat(EngineProcess.printed("log\nREADY\n", "READY")).isTrue();
    assertThat(EngineProcess.printed("NOT READY\nREADYING\n", "READY")).isFalse();
  }
}
