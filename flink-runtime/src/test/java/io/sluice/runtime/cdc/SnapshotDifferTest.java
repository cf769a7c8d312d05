package io.sluice.runtime.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Snapshot rows (id INT, name STRING, version INT) keyed by id, diffed when both inputs end. */
@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class SnapshotDifferTest {
  private static final LogicalType[] SOURCE = {new IntType(), VarCharType.STRING_TYPE};
  private static final LogicalType VERSION = new IntType(false);
  private static final LogicalType[] OUT = {SOURCE[0], SOURCE[1], VERSION};

  @ParameterizedTest
  @EnumSource(Cdc.Backend.class)
  void diffsSuccessiveVersionsAndRemembersTheLastSnapshotAcrossRestores(Cdc.Backend backend) throws Exception {
    OperatorSubtaskState afterFirstUpdate;
    try (var h = open(null, backend)) {
      send(h, row(1, "a", 2), row(1, "a", 1), row(2, "b", 1), row(3, "c", 2));
      h.endInput1();
      h.endInput2();
      assertThat(drain(h)).containsExactly("1,a,1 upsert", "2,b,1 upsert", "2,b,2 delete", "3,c,2 upsert");
      afterFirstUpdate = h.snapshot(1L, 1L);
    }
    List<String> second = null;
    for (int replay = 0; replay < 2; replay++) {
      try (var h = open(afterFirstUpdate, backend)) {
        // version 3: 1 changes, 3 unchanged, 4 new; version 1 again is ignored
        send(h, row(1, "A", 3), row(3, "c", 3), row(4, "d", 3), row(9, "z", 1));
        OperatorSubtaskState midway = h.snapshot(2L, 2L);
        try (var resumed = open(midway, backend)) {
          resumed.endInput1();
          resumed.endInput2();
          List<String> out = drain(resumed);
          assertThat(out).containsExactlyInAnyOrder("1,A,3 upsert", "4,d,3 upsert");
          if (second != null) {
            assertThat(out).as("replay %d", replay).containsExactlyInAnyOrderElementsOf(second);
          }
          second = out;
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Cdc.Backend.class)
  void aVersionWithoutAKeyDeletesItEvenWhenThisSubtaskSawNoRowOfThatVersion(Cdc.Backend backend) throws Exception {
    try (var h = open(null, backend)) {
      send(h, row(1, "a", 1));
      h.processElement2(new StreamRecord<>(GenericRowData.of(2))); // version 2, broadcast from elsewhere
      h.endInput1();
      h.endInput2();
      assertThat(drain(h)).containsExactly("1,a,1 upsert", "1,a,2 delete");
    }
  }

  @ParameterizedTest
  @EnumSource(Cdc.Backend.class)
  void aKeyTwiceInOneVersionIsAnError(Cdc.Backend backend) throws Exception {
    try (var h = open(null, backend)) {
      assertThatThrownBy(() -> send(h, row(1, "a", 1), row(1, "b", 1)))
          .hasMessageContaining("key").hasMessageContaining("twice in snapshot version 1");
    }
  }

  private static GenericRowData row(int id, String name, int version) {
    return GenericRowData.of(id, StringData.fromString(name), version);
  }

  private static KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData> open(
      OperatorSubtaskState state, Cdc.Backend backend) throws Exception {
    LogicalType[] out = {SOURCE[0], SOURCE[1], VERSION, new org.apache.flink.table.types.logical.BooleanType()};
    return Cdc.openTwoInput(new SnapshotDiffer(SOURCE, new int[] {0, 1}, 2, VERSION, null, "f", null), SOURCE[0],
        out, state, backend);
  }

  private static void send(KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData> h,
      GenericRowData... rows) throws Exception {
    for (GenericRowData r : rows) {
      h.processElement1(new StreamRecord<>(r));
      h.processElement2(new StreamRecord<>(GenericRowData.of(r.getInt(2))));
    }
  }

  private static List<String> drain(KeyedTwoInputStreamOperatorTestHarness<RowData, RowData, RowData, RowData> h) {
    List<String> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof StreamRecord<?> r) {
        RowData row = (RowData) r.getValue();
        out.add(row.getInt(0) + "," + row.getString(1) + "," + row.getInt(2) + (row.getBoolean(3) ? " delete" : " upsert"));
      }
    }
    h.getOutput().clear();
    return out;
  }
}
