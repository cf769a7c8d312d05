package io.sluice.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.bench.suite.EngineProcess.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatencyTableTest {
  private static final TableChecksum KEPT = new TableChecksum(99, "00000000000000aa");
  private static final SuiteEngine SLUICE = new SuiteEngine("sluice", "S", Optional.of("cp"), "");
  private static final SuiteEngine FLINK = new SuiteEngine("flink", "F", Optional.of("cp"), "");
  private static final SuiteEngine SPARK = new SuiteEngine("spark", "P", Optional.of("cp"), "");

  @Test
  void mediansAreTakenPerPercentileOverTheSuccessfulRoundsOnly() {
    List<LatencyResult> runs = List.of(run(100, 900, 200, 1000), run(300, 700, 400, 1200), run(200, 800, 300, 1100),
        LatencyResult.failed(new Outcome(Optional.empty(), 1, 0, "exit 1: boom"), ""));
    LatencyTable.Medians m = LatencyTable.Medians.of(runs).orElseThrow();
    assertThat(m.kafkaP50()).isEqualTo(200);
    assertThat(m.kafkaP99()).isEqualTo(800);
    assertThat(m.deltaP50()).isEqualTo(300);
    assertThat(m.deltaP99()).isEqualTo(1100);
  }

  @Test
  void ratiosAreTheOtherEnginesLatencyOverSluicesSoAboveOneMeansSluiceIsFaster() {
    LatencyTable.Medians sluice = LatencyTable.Medians.of(List.of(run(100, 400, 200, 1000))).orElseThrow();
    LatencyTable.Medians flink = LatencyTable.Medians.of(List.of(run(200, 600, 100, 500))).orElseThrow();
    assertThat(flink.over(sluice)).isEqualTo("2.00 / 1.50 · 0.50 / 0.50");
  }

  @Test
  void rendersRatiosOnTheSluiceRowAndFailuresOfEnginesWithoutW5() {
    LatencyTable table = new LatencyTable(List.of(SLUICE, FLINK, SPARK), Map.of(
        "sluice", List.of(run(100, 400, 200, 1000)),
        "flink", List.of(run(200, 600, 100, 500)),
        "spark", List.of(LatencyResult.failed(new Outcome(Optional.empty(), 2, 0,
            "exit 2: Cannot run workload 'W5': use W1, W2, W3 or W4"), "no READY within 3 min"))),
        new LatencySettings(10, 10, 1000));
    String out = table.render();
    assertThat(out).contains("| sluice | 1 of 1 | 100 / 400 / 500 | 200 / 1,000 / 1,100 |")
        .contains("| yes | 2.00 / 1.50 · 0.50 / 0.50 |  |")
        .contains("| spark | 0 of 1: exit 2: Cannot run workload 'W5'");
    assertThat(out.lines().filter(l -> l.startsWith("| spark")).findFirst().orElseThrow().chars()
        .filter(c -> c == '|').count()).as("a full row of 11 columns").isEqualTo(12);
    assertThat(table.agreed()).isTrue();
  }

  @Test
  void aRunWhoseTableDiffersFromWhatWasSentDisagrees() {
    LatencyResult wrong = new LatencyResult(ok(), "", Optional.of(KEPT), Optional.of(KEPT),
        Optional.of(new TableChecksum(100, "00000000000000bb")), summary(1, 2), summary(3, 4));
    LatencyTable table = new LatencyTable(List.of(SLUICE), Map.of("sluice", List.of(wrong)),
        new LatencySettings(10, 10, 1000));
    assertThat(table.agreed()).isFalse();
    assertThat(table.render()).contains("NO: outputs differ from the kept records");
  }

  private static LatencyResult run(long kafkaP50, long kafkaP99, long deltaP50, long deltaP99) {
    return new LatencyResult(ok(), "", Optional.of(KEPT), Optional.of(KEPT), Optional.of(KEPT),
        summary(kafkaP50, kafkaP99), summary(deltaP50, deltaP99));
  }

  private static Optional<Latencies.Summary> summary(long p50, long p99) {
    return Optional.of(new Latencies.Summary(p50, p99, p99 + 100, 50));
  }

  private static Outcome ok() {
    return new Outcome(Optional.of(new ResultLine("e", "W5", 100, 10, 1 << 30, null)), 20, 1 << 30, "");
  }
}
