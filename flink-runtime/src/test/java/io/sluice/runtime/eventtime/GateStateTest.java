package io.sluice.runtime.eventtime;

import static io.sluice.runtime.eventtime.Gates.event;
import static io.sluice.runtime.eventtime.Gates.passed;
import static io.sluice.runtime.eventtime.Gates.quarantined;
import static io.sluice.runtime.eventtime.Gates.send;
import static io.sluice.runtime.eventtime.Gates.watermarks;
import static org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness.repackageState;
import static org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness.repartitionOperatorState;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/**
 * Snapshot, restore and replay: the watermark goes on from the newest event time of the state, so
 * a row that was late before a failure is late again when it is replayed, and the late-row count
 * stays cumulative and exact.
 */
@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class GateStateTest {
  private static final GateSpec SPEC = Gates.spec(true);

  @Test
  void aReplayAfterRestoreDecidesLatenessAsBeforeAndCountsEachLateRowOnce() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var first = Gates.open(SPEC)) {
      send(first, event("a", 10), event("b", 30), event("late1", 20));
      checkpoint = first.snapshot(1L, 1L);
      send(first, event("late2", 2), event("c", 31)); // after the checkpoint; then the job fails
      assertThat(Gates.lateRows(first)).isEqualTo(2);
    }
    try (var restored = restore(checkpoint, 1, 0)) {
      assertThat(Gates.lateRows(restored)).as("restored count").isEqualTo(1);
      restored.setProcessingTime(Gates.INTERVAL);
      assertThat(watermarks(restored)).as("the restored watermark, before any row").containsExactly(24_999L);

      send(restored, event("late2", 2), event("c", 31)); // the replay
      send(restored, event("d", 26), event("late3", 24.999));

      assertThat(passed(restored)).containsExactly("c@31000", "d@26000");
      assertThat(quarantined(restored, SPEC)).containsExactly("late2|late|u1|windows", "late3|late|u1|windows");
      assertThat(Gates.lateRows(restored)).as("late1 restored, late2 once, late3").isEqualTo(3);
    }
  }

  @Test
  void aRestoredStateWithoutRowsStartsWithoutAWatermark() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var first = Gates.open(SPEC)) {
      checkpoint = first.snapshot(1L, 1L);
    }
    try (var restored = restore(checkpoint, 1, 0)) {
      restored.setProcessingTime(Gates.INTERVAL);
      send(restored, event("a", 1));
      assertThat(watermarks(restored)).isEmpty();
      assertThat(passed(restored)).containsExactly("a@1000");
      assertThat(Gates.lateRows(restored)).isZero();
    }
  }

  @Test
  void rescalingKeepsTheNewestEventTimeInEverySubtaskAndTheCountOnce() throws Exception {
    OperatorSubtaskState fromA;
    OperatorSubtaskState fromB;
    try (var a = Gates.create(SPEC, 2, 0); var b = Gates.create(SPEC, 2, 1)) {
      a.open();
      b.open();
      send(a, event("a", 10), event("lateA", 1));
      send(b, event("b", 40), event("lateB", 30), event("lateC", 31));
      fromA = a.snapshot(1L, 1L);
      fromB = b.snapshot(1L, 1L);
    }
    OperatorSubtaskState both = repackageState(fromA, fromB);
    try (var x = restore(repartitionOperatorState(both, Gates.MAX_PARALLELISM, 2, 3, 0), 3, 0);
        var y = restore(repartitionOperatorState(both, Gates.MAX_PARALLELISM, 2, 3, 1), 3, 1);
        var z = restore(repartitionOperatorState(both, Gates.MAX_PARALLELISM, 2, 3, 2), 3, 2)) {
      assertThat(Gates.lateRows(x, y, z)).isEqualTo(3);
      send(x, event("x", 34.999));
      send(z, event("z", 35));
      assertThat(passed(x)).isEmpty();
      assertThat(passed(z)).containsExactly("z@35000");
      assertThat(Gates.lateRows(x, y, z)).isEqualTo(4);
    }
  }

  private static OneInputStreamOperatorTestHarness<RowData, RowData> restore(
      OperatorSubtaskState state, int parallelism, int subtask) throws Exception {
    var harness = Gates.create(SPEC, parallelism, subtask);
    harness.initializeState(state);
    harness.open();
    return harness;
  }
}
