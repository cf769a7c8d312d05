package io.sluice.expectations;

import static io.sluice.core.model.ViolationAction.DROP;
import static io.sluice.core.model.ViolationAction.FAIL;
import static io.sluice.core.model.ViolationAction.QUARANTINE;
import static io.sluice.core.model.ViolationAction.WARN;
import static io.sluice.expectations.Harnesses.ORDERS;
import static io.sluice.expectations.Harnesses.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.expectations.ExpectationMetrics.CheckMetrics;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class ExpectationsFunctionTest {
  private static final ExpectationSet ORDER_CHECKS = set(
      new Check("has_customer", WARN),
      new Check("valid_id", DROP),
      new Check("positive_amount", QUARANTINE));

  private static ExpectationSet set(Check... checks) {
    return new ExpectationSet("ingest_orders", "orders", "update-7", ORDERS, List.of(checks));
  }

  @Test
  void keepsRowsThatPassEveryExpectationWithTheirDataColumnsOnly() throws Exception {
    try (var harness = Harnesses.open(ORDER_CHECKS)) {
      RowData in = order(1, "9.50", "Ann", "2024-05-01", true, true, true);
      in.setRowKind(RowKind.UPDATE_AFTER);
      harness.processElement(in, 0);

      List<RowData> kept = harness.extractOutputValues();
      assertThat(kept).hasSize(1);
      assertThat(kept.get(0).getArity()).isEqualTo(4);
      assertThat(kept.get(0).getRowKind()).isEqualTo(RowKind.UPDATE_AFTER);
      assertThat(kept.get(0).getInt(0)).isEqualTo(1);
      assertThat(kept.get(0).getString(2).toString()).isEqualTo("Ann");
      assertThat(Harnesses.metrics(ORDER_CHECKS, harness)).isEqualTo(metrics(1, 1, 0, 0,
          checks(ORDER_CHECKS, 1, 0, 1, 0, 1, 0)));
    }
  }

  @Test
  void keepsRowsThatFailOnlyWarnExpectationsAndCountsTheFailure() throws Exception {
    try (var harness = Harnesses.open(ORDER_CHECKS)) {
      harness.processElement(order(1, "9.50", null, "2024-05-01", false, true, true), 0);

      assertThat(harness.extractOutputValues()).hasSize(1);
      assertThat(Harnesses.metrics(ORDER_CHECKS, harness)).isEqualTo(metrics(1, 1, 0, 0,
          checks(ORDER_CHECKS, 0, 1, 1, 0, 1, 0)));
    }
  }

  @Test
  void dropsRowsThatFailADropExpectation() throws Exception {
    try (var harness = Harnesses.open(ORDER_CHECKS)) {
      harness.processElement(order(-1, "9.50", "Ann", "2024-05-01", true, false, true), 0);

      assertThat(harness.extractOutputValues()).isEmpty();
      assertThat(harness.getSideOutput(Expectations.quarantineTag(ORDER_CHECKS))).isNull();
      assertThat(Harnesses.metrics(ORDER_CHECKS, harness)).isEqualTo(metrics(1, 0, 1, 0,
          checks(ORDER_CHECKS, 1, 0, 0, 1, 1, 0)));
    }
  }

  @Test
  void countsANullResultAsAFailure() throws Exception {
    try (var harness = Harnesses.open(ORDER_CHECKS)) {
      harness.processElement(order(null, "9.50", "Ann", "2024-05-01", true, null, true), 0);
      harness.processElement(order(2, "9.50", null, "2024-05-01", null, true, true), 0);

      assertThat(harness.extractOutputValues()).extracting(r -> r.getInt(0)).containsExactly(2);
      assertThat(Harnesses.metrics(ORDER_CHECKS, harness)).isEqualTo(metrics(2, 1, 1, 0,
          checks(ORDER_CHECKS, 1, 1, 1, 1, 2, 0)));
    }
  }

  @Test
  void quarantinesRowsWithTheFailedNamesUpdateIdFlowAndProcessingTime() throws Exception {
    try (var harness = Harnesses.open(ORDER_CHECKS)) {
      harness.setProcessingTime(1_714_557_600_123L);
      harness.processElement(order(3, "-5.00", "Ann", "2024-05-01", true, true, false), 0);

      assertThat(harness.extractOutputValues()).isEmpty();
      List<RowData> quarantined = values(harness, ORDER_CHECKS);
      assertThat(quarantined).hasSize(1);
      RowData row = quarantined.get(0);
      assertThat(row.getArity()).isEqualTo(8);
      assertThat(row.getRowKind()).isEqualTo(RowKind.INSERT);
      assertThat(row.getInt(0)).isEqualTo(3);
      assertThat(row.getDecimal(1, 10, 2).toBigDecimal()).isEqualByComparingTo("-5.00");
      assertThat(strings(row.getArray(4))).containsExactly("positive_amount");
      assertThat(row.getString(5).toString()).isEqualTo("update-7");
      assertThat(row.getString(6).toString()).isEqualTo("ingest_orders");
      assertThat(row.getTimestamp(7, 3))
          .isEqualTo(TimestampData.fromEpochMillis(1_714_557_600_123L));
      assertThat(Harnesses.metrics(ORDER_CHECKS, harness).rowsQuarantined()).isEqualTo(1);
    }
  }

  @Test
  void aRowFailingSeveralExpectationsTakesTheStrongestActionAndCountsEveryFailure()
      throws Exception {
    try (var harness = Harnesses.open(ORDER_CHECKS)) {
      harness.processElement(order(null, null, null, null, false, null, false), 0);
      harness.processElement(order(null, "1.00", null, null, false, false, true), 0);

      List<RowData> quarantined = values(harness, ORDER_CHECKS);
      assertThat(quarantined).hasSize(1);
      assertThat(strings(quarantined.get(0).getArray(4)))
          .containsExactly("has_customer", "valid_id", "positive_amount");
      assertThat(harness.extractOutputValues()).isEmpty();
      assertThat(Harnesses.metrics(ORDER_CHECKS, harness)).isEqualTo(metrics(2, 0, 1, 1,
          checks(ORDER_CHECKS, 0, 2, 0, 2, 1, 1)));
    }
  }

  @Test
  void failStopsTheUpdateNamingTheExpectationTheDatasetAndTheRow() throws Exception {
    ExpectationSet set = set(new Check("valid_id", FAIL), new Check("positive_amount", DROP));
    try (var harness = Harnesses.open(set)) {
      harness.processElement(order(1, "2.00", "Ann", "2024-05-01", true, true), 0);

      assertThatThrownBy(() ->
              harness.processElement(order(null, "-5.00", "Bob", "2024-05-01", null, false), 0))
          .isInstanceOf(ExpectationViolationException.class)
          .hasMessageStartingWith("Cannot complete the update: row failed expectation"
              + " 'valid_id' of dataset 'orders' (ON VIOLATION FAIL UPDATE):"
              + " {order_id=NULL, amount=-5.00, customer='Bob', day=2024-05-01}.")
          .satisfies(e -> {
            var violation = (ExpectationViolationException) e;
            assertThat(violation.dataset()).isEqualTo("orders");
            assertThat(violation.expectations()).containsExactly("valid_id");
          });
      // the failing row is counted in, and in every check it failed, but not as kept or dropped
      assertThat(Harnesses.metrics(set, harness))
          .isEqualTo(metrics(2, 1, 0, 0, checks(set, 1, 1, 1, 1)));
    }
  }

  @Test
  void failNamesEveryFailExpectationTheRowFailed() throws Exception {
    ExpectationSet set = set(new Check("a", FAIL), new Check("b", QUARANTINE), new Check("c", FAIL));
    try (var harness = Harnesses.open(set)) {
      assertThatThrownBy(() ->
              harness.processElement(order(1, "1.00", "Ann", "2024-05-01", false, false, false), 0))
          .isInstanceOf(ExpectationViolationException.class)
          .hasMessageContaining("row failed expectations 'a', 'c' of dataset 'orders'");
    }
  }

  @Test
  void everyCombinationOfResultsIsConservedAndTakesTheStrongestAction() throws Exception {
    Boolean[] values = {Boolean.TRUE, Boolean.FALSE, null};
    long[] expected = new long[4]; // in, kept, dropped, quarantined
    long[] failedPerCheck = new long[3];
    try (var harness = Harnesses.open(ORDER_CHECKS)) {
      for (Boolean a : values) {
        for (Boolean b : values) {
          for (Boolean c : values) {
            harness.processElement(order(1, "1.00", "Ann", "2024-05-01", a, b, c), 0);
            Boolean[] results = {a, b, c};
            for (int i = 0; i < 3; i++) {
              failedPerCheck[i] += Boolean.TRUE.equals(results[i]) ? 0 : 1;
            }
            expected[0]++;
            expected[Boolean.TRUE.equals(c) ? (Boolean.TRUE.equals(b) ? 1 : 2) : 3]++;
          }
        }
      }
      ExpectationMetrics metrics = Harnesses.metrics(ORDER_CHECKS, harness);
      assertThat(metrics).isEqualTo(metrics(expected[0], expected[1], expected[2], expected[3],
          checks(ORDER_CHECKS, 27 - failedPerCheck[0], failedPerCheck[0],
              27 - failedPerCheck[1], failedPerCheck[1], 27 - failedPerCheck[2], failedPerCheck[2])));
      assertThat(metrics.rowsIn())
          .isEqualTo(metrics.rowsKept() + metrics.rowsDropped() + metrics.rowsQuarantined());
      assertThat(harness.extractOutputValues()).hasSize((int) expected[1]);
      assertThat(values(harness, ORDER_CHECKS)).hasSize((int) expected[3]);
    }
  }

  @Test
  void rejectsARowWithoutOneResultPerExpectation() throws Exception {
    try (var harness = Harnesses.open(ORDER_CHECKS)) {
      assertThatThrownBy(() ->
              harness.processElement(order(1, "1.00", "Ann", "2024-05-01", true, true), 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the row has 6 columns, expected 4 data columns followed by 3");
    }
  }

  static ExpectationMetrics metrics(
      long in, long kept, long dropped, long quarantined, List<CheckMetrics> checks) {
    return new ExpectationMetrics(in, kept, dropped, quarantined, checks);
  }

  /** Check metrics from (passed, failed) pairs in the order of the set's checks. */
  static List<CheckMetrics> checks(ExpectationSet set, long... passedFailed) {
    List<CheckMetrics> checks = new ArrayList<>();
    for (int i = 0; i < set.checks().size(); i++) {
      Check check = set.checks().get(i);
      checks.add(new CheckMetrics(check.name(), check.action(),
          passedFailed[2 * i], passedFailed[2 * i + 1]));
    }
    return checks;
  }

  private static List<RowData> values(
      OneInputStreamOperatorTestHarness<RowData, RowData> harness, ExpectationSet set) {
    var records = harness.getSideOutput(Expectations.quarantineTag(set));
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  private static List<String> strings(ArrayData array) {
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      strings.add(array.getString(i).toString());
    }
    return strings;
  }
}
