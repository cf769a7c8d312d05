package io.sluice.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.text.MappedText;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatermarkSpecTest {

  private static WatermarkSpec watermark(String expression) {
    return new WatermarkSpec("ts", MappedText.synthetic(expression, "test"), SourceLocation.UNKNOWN);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ts                                          | 0",
      "`ts`                                        | 0",
      "TS                                          | 0",
      "ts - INTERVAL '5' SECOND                    | 5000",
      "ts - interval '5' second                    | 5000",
      "ts-INTERVAL '5'SECOND                       | 5000",
      "(ts - INTERVAL '5' SECOND)                  | 5000",
      "ts - INTERVAL '5' SECONDS                   | 5000",
      "ts - INTERVAL 10 SECOND                     | 10000",
      "ts - INTERVAL '1.5' SECOND                  | 1500",
      "ts - INTERVAL '0.0005' SECOND               | 0",
      "ts - INTERVAL '+5' SECOND(3)                | 5000",
      "ts - INTERVAL ' 5 ' SECOND                  | 5000",
      "ts - INTERVAL '1' MINUTE                    | 60000",
      "ts - INTERVAL '2' HOURS                     | 7200000",
      "ts - INTERVAL '2' DAY                       | 172800000",
      "ts - INTERVAL '1:30' MINUTE TO SECOND       | 90000",
      "ts - INTERVAL '1:2:3' HOUR TO SECOND        | 3723000",
      "ts - INTERVAL '1:02' HOUR TO MINUTE         | 3720000",
      "ts - INTERVAL '1 2' DAY TO HOUR             | 93600000",
      "ts - INTERVAL '1 02:03:04.5' DAY TO SECOND  | 93784500",
      "ts - INTERVAL '0' SECOND                    | 0",
  })
  void readsTheDelayOfEveryFlinkIntervalForm(String expression, long millis) {
    assertThat(watermark(expression).delay()).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ts + INTERVAL '5' SECOND             | the column itself or the column minus an interval",
      "other - INTERVAL '5' SECOND          | must start with the watermark column 'ts'",
      "other                                | must start with the watermark column 'ts'",
      "ts - INTERVAL '1' MONTH              | has no fixed length",
      "ts - INTERVAL '1-2' YEAR TO MONTH    | has no fixed length",
      "ts - INTERVAL '-5' SECOND            | must not be negative",
      "ts - INTERVAL '1.5' MINUTE           | is not an INTERVAL MINUTE value",
      "ts - INTERVAL '25:61' HOUR TO MINUTE | is not an INTERVAL HOUR TO MINUTE value",
      "ts - INTERVAL '1:30' DAY TO HOUR     | is not an INTERVAL DAY TO HOUR value",
      "ts - INTERVAL '1 30' MINUTE TO SECOND | is not an INTERVAL MINUTE TO SECOND value",
      "ts - INTERVAL '5' MILLISECOND        | not a Flink SQL interval literal",
      "ts - INTERVAL '1' SECOND TO MINUTE   | is not an interval qualifier",
      "CAST(ts AS TIMESTAMP(3))             | the column itself or the column minus an interval",
      "ts - INTERVAL '5' SECOND - INTERVAL '1' SECOND | not a Flink SQL interval literal",
  })
  void rejectsEveryOtherExpressionWithTheReason(String expression, String reason) {
    assertThatThrownBy(() -> watermark(expression).delay())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot use watermark expression '" + expression + "'")
        .hasMessageContaining(reason);
  }
}
