package io.sluice.expectations;

import static io.sluice.core.model.ViolationAction.DROP;
import static io.sluice.core.model.ViolationAction.WARN;
import static io.sluice.expectations.ExpectationsFunctionTest.checks;
import static io.sluice.expectations.ExpectationsFunctionTest.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.expectations.ExpectationMetrics.CheckMetrics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.OptionalFailure;
import org.apache.flink.util.SerializedValue;
import org.junit.jupiter.api.Test;

class ExpectationMetricsTest {
  private static final ExpectationSet SET = new ExpectationSet("ingest_orders", "orders", "u1",
      Harnesses.ORDERS, List.of(new Check("valid_id", DROP), new Check("has_customer", WARN)));

  private static Map<String, Object> accumulators() {
    Map<String, Object> acc = new LinkedHashMap<>();
    acc.put("sluice.dq/ingest_orders/orders/rows_in", 10L);
    acc.put("sluice.dq/ingest_orders/orders/rows_kept", 7L);
    acc.put("sluice.dq/ingest_orders/orders/rows_dropped", 3L);
    acc.put("sluice.dq/ingest_orders/orders/rows_quarantined", 0L);
    acc.put("sluice.dq/ingest_orders/orders/valid_id/passed", 7L);
    acc.put("sluice.dq/ingest_orders/orders/valid_id/failed", 3L);
    acc.put("sluice.dq/ingest_orders/orders/has_customer/passed", 9L);
    acc.put("sluice.dq/ingest_orders/orders/has_customer/failed", 1L);
    acc.put("someone-else's-accumulator", "ignored");
    return acc;
  }

  @Test
  void readsTheSetsAccumulatorsByTheirDocumentedNames() {
    assertThat(Expectations.metrics(accumulators(), SET))
        .isEqualTo(metrics(10, 7, 3, 0, checks(SET, 7, 3, 9, 1)));
  }

  @Test
  void readsAccumulatorsAsAJobResultGivesThem() throws Exception {
    Map<String, SerializedValue<OptionalFailure<Object>>> serialized = new HashMap<>();
    for (Map.Entry<String, Object> e : accumulators().entrySet()) {
      serialized.put(e.getKey(), new SerializedValue<>(OptionalFailure.of(e.getValue())));
    }
    assertThat(Expectations.metrics(serialized, SET))
        .isEqualTo(metrics(10, 7, 3, 0, checks(SET, 7, 3, 9, 1)));
  }

  @Test
  void aMissingAccumulatorIsNamedInTheError() {
    Map<String, Object> acc = accumulators();
    acc.remove("sluice.dq/ingest_orders/orders/has_customer/failed");
    assertThatThrownBy(() -> Expectations.metrics(acc, SET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sluice.dq/ingest_orders/orders/has_customer/failed'");
  }

  @Test
  void escapesSlashesAndPercentSignsInNames() {
    ExpectationSet set = new ExpectationSet("a/b", "c%d", "u", Harnesses.ORDERS,
        List.of(new Check("x/passed", WARN)));
    assertThat(CounterKeys.keys(set)).contains("x%2Fpassed/passed");
    assertThat(CounterKeys.accumulator(set, CounterKeys.ROWS_IN))
        .isEqualTo("sluice.dq/a%2Fb/c%25d/rows_in");
  }

  @Test
  void minusSubtractsByCheckNameAndCountsANewCheckFromZero() {
    ExpectationMetrics earlier = new ExpectationMetrics(4, 3, 1, 0, List.of(
        new CheckMetrics("has_customer", WARN, 4, 0), new CheckMetrics("valid_id", DROP, 3, 1)));
    ExpectationMetrics now = metrics(10, 7, 3, 0, checks(SET, 7, 3, 9, 1));

    assertThat(now.minus(earlier)).isEqualTo(metrics(6, 4, 2, 0, checks(SET, 4, 2, 5, 1)));
    ExpectationMetrics withoutChecks = new ExpectationMetrics(1, 1, 0, 0, List.of());
    assertThat(now.minus(withoutChecks).checks()).isEqualTo(now.checks());
  }

  @Test
  void minusRejectsAnEarlierValueAboveTheCurrentOne() {
    ExpectationMetrics now = metrics(10, 7, 3, 0, checks(SET, 7, 3, 9, 1));
    ExpectationMetrics later = metrics(12, 7, 5, 0, checks(SET, 7, 5, 11, 1));
    assertThatThrownBy(() -> now.minus(later))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows_in would be negative (10 - 12)");
  }

  @Test
  void toMapAndFromMapRoundTrip() {
    ExpectationMetrics metrics = metrics(10, 7, 3, 0, checks(SET, 7, 3, 9, 1));
    Map<String, Long> map = metrics.toMap();

    assertThat(map).containsExactly(
        Map.entry("rows_in", 10L), Map.entry("rows_kept", 7L), Map.entry("rows_dropped", 3L),
        Map.entry("rows_quarantined", 0L), Map.entry("valid_id/passed", 7L),
        Map.entry("valid_id/failed", 3L), Map.entry("has_customer/passed", 9L),
        Map.entry("has_customer/failed", 1L));
    assertThat(ExpectationMetrics.fromMap(map, SET)).isEqualTo(metrics);
  }

  @Test
  void fromMapReadsMissingKeysAsZero() {
    assertThat(ExpectationMetrics.fromMap(Map.of("rows_in", 5L, "valid_id/failed", 2L), SET))
        .isEqualTo(metrics(5, 0, 0, 0, checks(SET, 0, 2, 0, 0)));
  }
}
