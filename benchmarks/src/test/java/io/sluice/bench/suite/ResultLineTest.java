package io.sluice.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLineTest {

  @Test
  void parsesTheResultLineAmongOtherOutput() {
    String stdout = "machine: 2 cores\nsome log line\n"
        + "RESULT {\"engine\":\"flink\",\"workload\":\"W1\",\"records\":5939512,\"seconds\":12.34,"
        + "\"peakRssBytes\":1234567890}\n";
    assertThat(ResultLine.parse(stdout)).contains(
        new ResultLine("flink", "W1", 5_939_512, 12.34, 1_234_567_890L, null));
  }

  @Test
  void readsExpectationCountsAndIgnoresUnknownFields() {
    ResultLine r = ResultLine.parse("RESULT {\"engine\":\"spark\",\"workload\":\"W2\",\"records\":10,"
        + "\"seconds\":1.5,\"peakRssBytes\":7,\"expectations\":{\"small_quantity\":3,\"not_air\":2},\"extra\":1}")
        .orElseThrow();
    assertThat(r.expectations()).isEqualTo(Map.of("small_quantity", 3L, "not_air", 2L));
  }

  @Test
  void noOrBrokenResultLineIsEmpty() {
    assertThat(ResultLine.parse("Exception in thread main\n")).isEmpty();
    assertThat(ResultLine.parse("RESULT {not json")).isEmpty();
  }

  @Test
  void formatsWhatItParses() {
    ResultLine r = new ResultLine("sluice", "W2", 5, 0.5, 9, Map.of("low_tax", 1L));
    assertThat(r.format()).startsWith("RESULT {\"engine\":\"sluice\"");
    assertThat(ResultLine.parse("noise\n" + r.format())).contains(r);
  }
}
