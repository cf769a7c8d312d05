package io.sluice.runtime.cdc;

import static io.sluice.runtime.cdc.Cdc.delete;
import static io.sluice.runtime.cdc.Cdc.drain;
import static io.sluice.runtime.cdc.Cdc.send;
import static io.sluice.runtime.cdc.Cdc.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingTaskMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class ChangeApplierScd1Test {
  private static final ChangeLayout LAYOUT = Cdc.scd1(false);

  @Test
  void insertsANewKeyAndUpdatesItWithANewerEvent() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 1));
      assertThat(drain(h, LAYOUT)).containsExactly("+I(1,a,10)");

      send(h, upsert(1, "b", 20L, 2), upsert(2, "x", 5L, 1));
      assertThat(drain(h, LAYOUT)).containsExactly("-U(1,a,10)", "+U(1,b,20)", "+I(2,x,5)");
    }
  }

  @Test
  void ignoresOlderEventsAndDuplicatesOfTheStoredSequence() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 5), upsert(1, "b", 20L, 3), upsert(1, "a", 10L, 5), upsert(1, "c", 30L, 5));
      assertThat(drain(h, LAYOUT)).containsExactly("+I(1,a,10)");

      send(h, upsert(1, "a", 10L, 6));
      assertThat(drain(h, LAYOUT)).as("a newer event with the same values changes nothing").isEmpty();
      send(h, upsert(1, "d", 40L, 6));
      assertThat(drain(h, LAYOUT)).as("the identical update still moved the sequence on").isEmpty();
    }
  }

  @Test
  void aDeleteRetractsTheExactRowAndALateOlderInsertDoesNotBringItBack() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 1), delete(1, 3));
      assertThat(drain(h, LAYOUT)).containsExactly("+I(1,a,10)", "-D(1,a,10)");

      send(h, upsert(1, "b", 20L, 2), delete(1, 3), delete(2, 1));
      assertThat(drain(h, LAYOUT)).as("late insert, duplicate delete, delete of an unknown key").isEmpty();

      send(h, upsert(1, "c", 30L, 4), upsert(2, "y", 1L, 0));
      assertThat(drain(h, LAYOUT)).as("a newer insert comes back; key 2 has a tombstone at 1")
          .containsExactly("+I(1,c,30)");
    }
  }

  @Test
  void ignoreNullUpdatesKeepsTheStoredValues() throws Exception {
    ChangeLayout layout = Cdc.scd1(true);
    try (var h = Cdc.open(layout)) {
      send(h, upsert(1, "a", 10L, 1), upsert(1, null, 20L, 2), upsert(1, null, null, 3));
      assertThat(drain(h, layout)).containsExactly("+I(1,a,10)", "-U(1,a,10)", "+U(1,a,20)");

      send(h, delete(1, 4), upsert(1, null, 5L, 5));
      assertThat(drain(h, layout)).as("no stored row after a delete: NULL stays NULL")
          .containsExactly("-D(1,a,20)", "+I(1,null,5)");
    }
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 1), upsert(1, null, 20L, 2));
      assertThat(drain(h, LAYOUT)).as("without the option NULL is a value")
          .containsExactly("+I(1,a,10)", "-U(1,a,10)", "+U(1,null,20)");
    }
  }

  @Test
  void dropsATombstoneAfterItsRetentionSoThatAnOlderInsertIsAcceptedAgain() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      h.setProcessingTime(0);
      send(h, upsert(1, "a", 10L, 5), delete(1, 6));
      h.setProcessingTime(Cdc.RETENTION - 1);
      send(h, upsert(1, "b", 20L, 2));
      assertThat(drain(h, LAYOUT)).containsExactly("+I(1,a,10)", "-D(1,a,10)");

      h.setProcessingTime(Cdc.RETENTION);
      assertThat(h.numKeyedStateEntries()).as("the key's state is gone").isZero();
      send(h, upsert(1, "b", 20L, 2));
      assertThat(drain(h, LAYOUT)).containsExactly("+I(1,b,20)");
    }
  }

  @Test
  void aNewerEventKeepsTheTombstoneFromExpiringEarly() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      h.setProcessingTime(0);
      send(h, delete(1, 5), delete(2, 5));
      h.setProcessingTime(500);
      send(h, delete(1, 6), upsert(2, "b", 1L, 6)); // key 1: tombstone until 1500; key 2: a row again
      h.setProcessingTime(1_000);
      send(h, upsert(1, "late", 1L, 4), upsert(2, "late", 1L, 4));
      assertThat(drain(h, LAYOUT)).containsExactly("+I(2,b,1)");

      h.setProcessingTime(1_500);
      send(h, upsert(1, "late", 1L, 4));
      assertThat(drain(h, LAYOUT)).containsExactly("+I(1,late,1)");
    }
  }

  @Test
  void countsUpsertedAndDeletedRowsInMetricsAndAccumulators() throws Exception {
    InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
    TaskMetricGroup task = new InterceptingTaskMetricGroup() {
      @Override
      public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name) {
        return metrics;
      }
    };
    try (MockEnvironment environment = new MockEnvironmentBuilder().setMetricGroup(task).build();
        var h = Cdc.create(LAYOUT, environment, Cdc.Backend.HEAP)) {
      h.open();
      send(h, upsert(1, "a", 10L, 1), upsert(1, "b", 10L, 2), upsert(1, "b", 10L, 3), upsert(2, "c", 1L, 1),
          delete(1, 4), delete(3, 1));

      assertThat(((Counter) metrics.get(ChangeApplier.UPSERTED_METRIC)).getCount()).isEqualTo(3);
      assertThat(((Counter) metrics.get(ChangeApplier.DELETED_METRIC)).getCount()).isEqualTo(1);
      assertThat(Cdc.accumulator(h, ChangeApplier.UPSERTED_ACCUMULATOR)).isEqualTo(3);
      assertThat(Cdc.accumulator(h, ChangeApplier.DELETED_ACCUMULATOR)).isEqualTo(1);
    }
  }

  @Test
  void rejectsAnEventWithANullSequence() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      GenericRowData event = upsert(1, "a", 10L, 1);
      event.setField(3, null);
      assertThatThrownBy(() -> send(h, event)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("NULL sequence in input field 3");
    }
  }

  @ParameterizedTest
  @EnumSource(Cdc.Backend.class)
  void aReplayAfterRestoreEmitsWhatAnUninterruptedRunEmits(Cdc.Backend backend) throws Exception {
    List<RowData> before = List.of(upsert(1, "a", 10L, 2), upsert(2, "b", 20L, 1), delete(2, 3),
        upsert(3, "c", 30L, 1));
    List<RowData> after = List.of(upsert(1, "a0", 1L, 1), upsert(1, "a2", 11L, 3), upsert(2, "late", 1L, 2),
        delete(3, 2), upsert(4, "d", 40L, 1), upsert(1, "a2", 11L, 3));

    List<String> uninterrupted;
    try (var h = Cdc.restore(LAYOUT, null, backend)) {
      send(h, before.toArray(RowData[]::new));
      send(h, after.toArray(RowData[]::new));
      uninterrupted = drain(h, LAYOUT);
    }

    List<String> resumed = new ArrayList<>();
    OperatorSubtaskState checkpoint;
    try (var first = Cdc.restore(LAYOUT, null, backend)) {
      send(first, before.toArray(RowData[]::new));
      checkpoint = first.snapshot(1L, 1L);
      resumed.addAll(drain(first, LAYOUT));
      send(first, after.get(0), after.get(1)); // lost with the failure
    }
    try (var restored = Cdc.restore(LAYOUT, checkpoint, backend)) {
      send(restored, after.toArray(RowData[]::new));
      resumed.addAll(drain(restored, LAYOUT));

      restored.setProcessingTime(Cdc.RETENTION);
      send(restored, upsert(2, "old", 1L, 1), upsert(3, "old", 1L, 1));
      assertThat(drain(restored, LAYOUT)).as("the restored tombstone timers fired")
          .containsExactly("+I(2,old,1)", "+I(3,old,1)");
    }
    assertThat(resumed).isEqualTo(uninterrupted).containsExactly("+I(1,a,10)", "+I(2,b,20)", "-D(2,b,20)",
        "+I(3,c,30)", "-U(1,a,10)", "+U(1,a2,11)", "-D(3,c,30)", "+I(4,d,40)");
  }
}
