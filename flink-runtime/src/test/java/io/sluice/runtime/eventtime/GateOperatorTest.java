package io.sluice.runtime.eventtime;

import static io.sluice.runtime.eventtime.Gates.event;
import static io.sluice.runtime.eventtime.Gates.passed;
import static io.sluice.runtime.eventtime.Gates.quarantined;
import static io.sluice.runtime.eventtime.Gates.send;
import static io.sluice.runtime.eventtime.Gates.watermarks;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.TimestampType;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // the harness's close() may throw InterruptedException
class GateOperatorTest {

  @Test
  void rowsAtOrBehindTheWatermarkAreLateAndQuarantinedWithTheReasonLate() throws Exception {
    GateSpec spec = Gates.spec(true);
    try (var h = Gates.open(spec)) {
      // delay 5 s: after 20 s the watermark is 14.999 s
      send(h, event("a", 10), event("b", 20), event("c", 14.999), event("d", 15), event("e", -1), event("f", 12));

      assertThat(passed(h)).containsExactly("a@10000", "b@20000", "d@15000");
      assertThat(quarantined(h, spec)).containsExactly("c|late|u1|windows", "e|late|u1|windows", "f|late|u1|windows");
      assertThat(Gates.lateRows(h)).isEqualTo(3);
    }
  }

  @Test
  void droppedLateRowsAreCountedButWrittenNowhere() throws Exception {
    GateSpec spec = Gates.spec(false);
    try (var h = Gates.open(spec)) {
      send(h, event("a", 20), event("b", 1), event("c", 21));

      assertThat(passed(h)).containsExactly("a@20000", "c@21000");
      assertThat(quarantined(h, spec)).isEmpty();
      assertThat(Gates.lateRows(h)).isEqualTo(1);
    }
  }

  @Test
  void emitsTheWatermarkPeriodicallyAndBeforeEveryCheckpointBarrier() throws Exception {
    try (var h = Gates.open(Gates.spec(false))) {
      send(h, event("a", 10), event("b", 8));
      assertThat(watermarks(h)).isEmpty();

      h.setProcessingTime(Gates.INTERVAL);
      assertThat(watermarks(h)).containsExactly(4_999L);

      send(h, event("c", 30));
      h.prepareSnapshotPreBarrier(1L);
      h.setProcessingTime(2 * Gates.INTERVAL);
      h.prepareSnapshotPreBarrier(2L);
      assertThat(watermarks(h)).as("each watermark once, the newest before the barrier").containsExactly(4_999L, 24_999L);
    }
  }

  @Test
  void ignoresTheInputsWatermarksAndIdlenessButPassesItsEnd() throws Exception {
    try (var h = Gates.open(Gates.spec(false))) {
      h.processWatermark(new Watermark(100_000));
      h.processWatermarkStatus(WatermarkStatus.IDLE);
      send(h, event("a", 10));
      h.setProcessingTime(Gates.INTERVAL);
      h.processWatermark(new Watermark(Long.MAX_VALUE));

      assertThat(watermarks(h)).containsExactly(4_999L, Long.MAX_VALUE);
      assertThat(h.getOutput()).noneMatch(o -> o instanceof WatermarkStatus);
    }
  }

  @Test
  void announcesIdlenessAfterTheTimeoutAndActivityWithTheNextRow() throws Exception {
    try (var h = Gates.open(Gates.spec(false, 1_000))) {
      send(h, event("a", 10));
      h.setProcessingTime(800);
      assertThat(h.getOutput()).noneMatch(o -> o instanceof WatermarkStatus);

      h.setProcessingTime(1_000);
      assertThat(h.getOutput()).contains(WatermarkStatus.IDLE);

      send(h, event("b", 20));
      h.setProcessingTime(1_200);
      assertThat(h.getOutput().stream().filter(o -> o instanceof WatermarkStatus || o instanceof Watermark).toList())
          .containsExactly(new Watermark(4_999L), WatermarkStatus.IDLE, WatermarkStatus.ACTIVE, new Watermark(14_999L));
    }
  }

  @Test
  void presentsTheEventTimeInMillisecondsWhateverTheInputsLayout() throws Exception {
    GateSpec spec = Gates.spec(true);
    assertThat(spec.outputType().getTypeAt(1)).isEqualTo(new TimestampType(3));
    try (var h = Gates.open(spec)) {
      GenericRowData micros = GenericRowData.of(StringData.fromString("a"),
          TimestampData.fromEpochMillis(10_000, 123_456));
      RowData binary = new RowDataSerializer(Gates.EVENTS).toBinaryRow(micros).copy();
      send(h, binary, Gates.event("late", 1));

      RowData out = (RowData) ((org.apache.flink.streaming.runtime.streamrecord.StreamRecord<?>) h.getOutput().peek())
          .getValue();
      assertThat(out.getString(0).toString()).isEqualTo("a");
      assertThat(out.getTimestamp(1, 3)).isEqualTo(TimestampData.fromEpochMillis(10_000));
      RowData late = h.getSideOutput(Gates.tag(spec)).peek().getValue();
      assertThat(late.getTimestamp(1, 6)).as("the late row keeps its stored value")
          .isEqualTo(TimestampData.fromEpochMillis(1_000));
    }
  }
}
