package io.sluice.expectations;

import static io.sluice.core.model.ViolationAction.DROP;
import static io.sluice.core.model.ViolationAction.QUARANTINE;
import static io.sluice.core.model.ViolationAction.WARN;
import static io.sluice.expectations.ExpectationsFunctionTest.checks;
import static io.sluice.expectations.ExpectationsFunctionTest.metrics;
import static io.sluice.expectations.Harnesses.ORDERS;
import static io.sluice.expectations.Harnesses.order;
import static org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness.repackageState;
import static org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness.repartitionOperatorState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/** Snapshot, restore and replay: the counts stay cumulative and exact. */
@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class ExpectationsStateTest {
  private static final ExpectationSet SET = new ExpectationSet("ingest_orders", "orders", "u1",
      ORDERS, List.of(new Check("valid_id", DROP), new Check("positive_amount", QUARANTINE)));
  private static final int MAX = Harnesses.MAX_PARALLELISM;

  /** Kept: passes both. */
  private static RowData good() {
    return order(1, "1.00", "Ann", "2024-05-01", true, true);
  }

  /** Dropped: fails valid_id. */
  private static RowData bad() {
    return order(null, "1.00", "Ann", "2024-05-01", null, true);
  }

  /** Quarantined: fails positive_amount. */
  private static RowData negative() {
    return order(2, "-1.00", "Ann", "2024-05-01", true, false);
  }

  @Test
  void countsContinueFromTheRestoredValuesWhenRowsAfterTheCheckpointAreReplayed()
      throws Exception {
    OperatorSubtaskState checkpoint;
    try (var first = Harnesses.open(SET)) {
      first.processElement(good(), 0);
      first.processElement(bad(), 0);
      checkpoint = first.snapshot(1L, 1L);
      first.processElement(negative(), 0); // processed after the checkpoint, then the job fails
    }
    try (var restored = Harnesses.create(SET, 1, 0)) {
      restored.initializeState(checkpoint);
      restored.open();
      assertThat(Harnesses.metrics(SET, restored))
          .isEqualTo(metrics(2, 1, 1, 0, checks(SET, 1, 1, 2, 0)));

      restored.processElement(negative(), 0); // the replay
      restored.processElement(good(), 0);

      assertThat(Harnesses.metrics(SET, restored))
          .isEqualTo(metrics(4, 2, 1, 1, checks(SET, 3, 1, 3, 1)));
    }
  }

  @Test
  void restoringOntoTwoSubtasksPreservesTheTotals() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var single = Harnesses.open(SET)) {
      single.processElement(good(), 0);
      single.processElement(good(), 0);
      single.processElement(bad(), 0);
      single.processElement(negative(), 0);
      checkpoint = single.snapshot(1L, 1L);
    }
    try (var a = restore(repartitionOperatorState(checkpoint, MAX, 1, 2, 0), 2, 0);
        var b = restore(repartitionOperatorState(checkpoint, MAX, 1, 2, 1), 2, 1)) {
      ExpectationMetrics restored = metrics(4, 2, 1, 1, checks(SET, 3, 1, 3, 1));
      assertThat(Harnesses.metrics(SET, a, b)).isEqualTo(restored);
      // each subtask got part of the entries, not a copy of all of them
      assertThat(Harnesses.metrics(SET, a)).isNotEqualTo(restored);

      a.processElement(bad(), 0);
      b.processElement(negative(), 0);

      assertThat(Harnesses.metrics(SET, a, b))
          .isEqualTo(metrics(6, 2, 2, 2, checks(SET, 4, 2, 4, 2)));
    }
  }

  @Test
  void restoringFromTwoSubtasksOntoOneSumsTheirEntries() throws Exception {
    OperatorSubtaskState fromA;
    OperatorSubtaskState fromB;
    try (var a = Harnesses.create(SET, 2, 0); var b = Harnesses.create(SET, 2, 1)) {
      a.open();
      b.open();
      a.processElement(good(), 0);
      a.processElement(bad(), 0);
      b.processElement(negative(), 0);
      b.processElement(good(), 0);
      b.processElement(good(), 0);
      fromA = a.snapshot(1L, 1L);
      fromB = b.snapshot(1L, 1L);
    }
    OperatorSubtaskState merged = repartitionOperatorState(repackageState(fromA, fromB), MAX, 2, 1, 0);
    try (var single = restore(merged, 1, 0)) {
      assertThat(Harnesses.metrics(SET, single))
          .isEqualTo(metrics(5, 3, 1, 1, checks(SET, 4, 1, 4, 1)));

      single.processElement(bad(), 0);

      assertThat(Harnesses.metrics(SET, single))
          .isEqualTo(metrics(6, 3, 2, 1, checks(SET, 4, 2, 5, 1)));
    }
  }

  @Test
  void anExpectationAddedSinceTheCheckpointCountsFromZeroAndARemovedOneIsForgotten()
      throws Exception {
    OperatorSubtaskState checkpoint;
    try (var first = Harnesses.open(SET)) {
      first.processElement(bad(), 0);
      checkpoint = first.snapshot(1L, 1L);
    }
    ExpectationSet changed = new ExpectationSet("ingest_orders", "orders", "u2", ORDERS,
        List.of(new Check("positive_amount", QUARANTINE), new Check("has_customer", WARN)));
    try (var restored = Harnesses.create(changed, 1, 0)) {
      restored.initializeState(checkpoint);
      restored.open();
      restored.processElement(order(1, "1.00", null, "2024-05-01", true, null), 0);

      assertThat(Harnesses.metrics(changed, restored))
          .isEqualTo(metrics(2, 1, 1, 0, checks(changed, 2, 0, 0, 1)));
    }
  }

  private static OneInputStreamOperatorTestHarness<RowData, RowData> restore(
      OperatorSubtaskState state, int parallelism, int subtask) throws Exception {
    var harness = Harnesses.create(SET, parallelism, subtask);
    harness.initializeState(state);
    harness.open();
    return harness;
  }
}
