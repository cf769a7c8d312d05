package io.sluice.runtime.cdc;

import static io.sluice.runtime.cdc.Cdc.delete;
import static io.sluice.runtime.cdc.Cdc.drain;
import static io.sluice.runtime.cdc.Cdc.send;
import static io.sluice.runtime.cdc.Cdc.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class ChangeApplierScd2Test {
  private static final ChangeLayout LAYOUT = Cdc.scd2(false, null);

  @Test
  void eventsInOrderCloseEachVersionWhereTheNextOneStarts() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 1), upsert(1, "b", 20L, 2), upsert(1, "c", 30L, 3));

      assertThat(drain(h, LAYOUT)).containsExactly(
          "+I(1,a,10,1,null)",
          "-U(1,a,10,1,null)", "+U(1,a,10,1,2)", "+I(1,b,20,2,null)",
          "-U(1,b,20,2,null)", "+U(1,b,20,2,3)", "+I(1,c,30,3,null)");
    }
  }

  @Test
  void aLateEventSplitsTheVersionItFallsInto() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 1), upsert(1, "c", 30L, 3));
      drain(h, LAYOUT);

      send(h, upsert(1, "b", 20L, 2));
      assertThat(drain(h, LAYOUT)).containsExactly("-U(1,a,10,1,3)", "+U(1,a,10,1,2)", "+I(1,b,20,2,3)");
    }
  }

  @Test
  void aDeleteClosesTheCurrentVersionAndALaterInsertOpensANewOne() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 1), delete(1, 2), delete(1, 3), delete(2, 1));
      assertThat(drain(h, LAYOUT)).as("deletes without a current version change nothing")
          .containsExactly("+I(1,a,10,1,null)", "-U(1,a,10,1,null)", "+U(1,a,10,1,2)");

      send(h, upsert(1, "b", 20L, 4));
      assertThat(drain(h, LAYOUT)).containsExactly("+I(1,b,20,4,null)");
    }
  }

  @Test
  void aLateDeleteClosesTheVersionItFallsInto() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 1), upsert(1, "c", 30L, 3));
      drain(h, LAYOUT);

      send(h, delete(1, 2));
      assertThat(drain(h, LAYOUT)).containsExactly("-U(1,a,10,1,3)", "+U(1,a,10,1,2)");
    }
  }

  @Test
  void aChangeOfUntrackedColumnsUpdatesTheCurrentVersionInPlace() throws Exception {
    ChangeLayout layout = Cdc.scd2(false, new boolean[] {true, true, false});
    try (var h = Cdc.open(layout)) {
      send(h, upsert(1, "a", 10L, 1), upsert(1, "a", 20L, 2), upsert(1, "a", 20L, 3));
      assertThat(drain(h, layout)).containsExactly("+I(1,a,10,1,null)", "-U(1,a,10,1,null)", "+U(1,a,20,1,null)");

      send(h, upsert(1, "b", 20L, 4));
      assertThat(drain(h, layout)).containsExactly("-U(1,a,20,1,null)", "+U(1,a,20,1,4)", "+I(1,b,20,4,null)");
    }
  }

  @Test
  void ignoresEventsWhoseSequenceTheKeyAlreadyHas() throws Exception {
    try (var h = Cdc.open(LAYOUT)) {
      send(h, upsert(1, "a", 10L, 1), upsert(1, "a", 10L, 1), upsert(1, "z", 99L, 1), delete(1, 1));

      assertThat(drain(h, LAYOUT)).containsExactly("+I(1,a,10,1,null)");
    }
  }

  @Test
  void ignoreNullUpdatesTakesTheValuesOfTheVersionBeforeInSequenceOrder() throws Exception {
    ChangeLayout layout = Cdc.scd2(true, null);
    try (var h = Cdc.open(layout)) {
      send(h, upsert(1, "a", 10L, 1), upsert(1, null, 30L, 3));
      assertThat(drain(h, layout)).containsExactly("+I(1,a,10,1,null)", "-U(1,a,10,1,null)", "+U(1,a,10,1,3)",
          "+I(1,a,30,3,null)");

      send(h, upsert(1, "b", 20L, 2));
      assertThat(drain(h, layout)).as("the event at 3 now fills its name from the one at 2")
          .containsExactly("-U(1,a,10,1,3)", "+U(1,a,10,1,2)", "-U(1,a,30,3,null)", "+U(1,b,30,3,null)",
              "+I(1,b,20,2,3)");
    }
  }

  @Test
  void aSequenceOfSeveralFieldsGivesRowTypedStartAndEnd() throws Exception {
    ChangeLayout layout = Cdc.scd2ByTwoFields();
    assertThat(layout.targetTypes()[3]).isEqualTo(RowType.of(new BigIntType(), new IntType()).copy(false));
    assertThat(layout.targetTypes()[4]).isEqualTo(RowType.of(new BigIntType(), new IntType()));
    try (var h = Cdc.open(layout)) {
      send(h, upsert(1, "a", 10L, 1, 0), upsert(1, "b", 20L, 1, 1));
      drain(h, layout);

      send(h, upsert(1, "c", 30L, 0, 9));
      List<RowData> rows = Cdc.rows(h);
      assertThat(rows.get(0).getRow(3, 2).getInt(1)).as("a nested row of the sequence fields").isEqualTo(9);
      assertThat(drain(h, layout)).containsExactly("+I(1,c,30,[0,9],[1,0])");

      send(h, upsert(1, "d", 40L, 1, 2));
      assertThat(drain(h, layout)).containsExactly("-U(1,b,20,[1,1],null)", "+U(1,b,20,[1,1],[1,2])",
          "+I(1,d,40,[1,2],null)");
    }
  }

  @ParameterizedTest
  @EnumSource(Cdc.Backend.class)
  void aReplayAfterRestoreEmitsWhatAnUninterruptedRunEmits(Cdc.Backend backend) throws Exception {
    ChangeLayout layout = Cdc.scd2(true, new boolean[] {true, true, false});
    List<RowData> before = List.of(upsert(1, "a", 10L, 2), upsert(1, "b", 20L, 5), upsert(2, "x", 1L, 1),
        delete(2, 4));
    List<RowData> after = List.of(upsert(1, "a0", 1L, 1), upsert(1, null, 30L, 3), upsert(2, "y", 2L, 3),
        upsert(1, "b", 20L, 5), upsert(2, "z", 3L, 6), delete(1, 4));

    List<String> uninterrupted;
    try (var h = Cdc.restore(layout, null, backend)) {
      send(h, before.toArray(RowData[]::new));
      send(h, after.toArray(RowData[]::new));
      uninterrupted = drain(h, layout);
    }

    List<String> resumed = new ArrayList<>();
    OperatorSubtaskState checkpoint;
    try (var first = Cdc.restore(layout, null, backend)) {
      send(first, before.toArray(RowData[]::new));
      checkpoint = first.snapshot(1L, 1L);
      resumed.addAll(drain(first, layout));
      send(first, after.get(0), after.get(1)); // lost with the failure
    }
    try (var restored = Cdc.restore(layout, checkpoint, backend)) {
      send(restored, after.toArray(RowData[]::new));
      resumed.addAll(drain(restored, layout));
    }
    assertThat(resumed).isEqualTo(uninterrupted);
    assertThat(Changelogs.table(resumed)).containsExactlyInAnyOrder(
        "(1,a0,1,1,2)", "(1,a,30,2,4)", "(1,b,20,5,null)", "(2,x,1,1,3)", "(2,y,2,3,4)", "(2,z,3,6,null)");
  }
}
