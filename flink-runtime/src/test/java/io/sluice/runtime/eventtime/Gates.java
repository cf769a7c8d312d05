package io.sluice.runtime.eventtime;

import io.sluice.expectations.Expectations;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.util.OutputTag;

/** Harnesses for the event-time gate over (k STRING, ts TIMESTAMP(6)) rows, and what they emitted. */
final class Gates {
  static final int MAX_PARALLELISM = 128;
  static final RowType EVENTS = RowType.of(new LogicalType[] {VarCharType.STRING_TYPE, new TimestampType(6)},
      new String[] {"k", "ts"});
  static final long INTERVAL = 200;

  private Gates() {}

  /** Delay 5 s, no idle timeout; late rows quarantined when {@code quarantine}. */
  static GateSpec spec(boolean quarantine) {
    return spec(quarantine, 0);
  }

  static GateSpec spec(boolean quarantine, long idleTimeout) {
    return new GateSpec("windows", "events", EVENTS, 1, new GateSpec.Watermarking(5_000, idleTimeout, INTERVAL),
        quarantine ? new GateSpec.LateQuarantine("u1", Expectations.quarantineType(EVENTS)) : null);
  }

  static OutputTag<RowData> tag(GateSpec spec) {
    return spec.quarantines()
        ? new OutputTag<>("sluice-late: " + spec.dataset(), InternalTypeInfo.of(spec.quarantine().type())) : null;
  }

  static OneInputStreamOperatorTestHarness<RowData, RowData> open(GateSpec spec) throws Exception {
    OneInputStreamOperatorTestHarness<RowData, RowData> h = create(spec, 1, 0);
    h.open();
    return h;
  }

  /** Not initialized yet; its output is copied with the output type, as a downstream task reads it. */
  static OneInputStreamOperatorTestHarness<RowData, RowData> create(GateSpec spec, int parallelism, int subtask)
      throws Exception {
    OneInputStreamOperatorTestHarness<RowData, RowData> h = new OneInputStreamOperatorTestHarness<>(
        new GateOperator(spec, tag(spec)), MAX_PARALLELISM, parallelism, subtask);
    h.setup(new RowDataSerializer(spec.outputType()));
    return h;
  }

  /** A row at {@code seconds} of event time (plus {@code micros}); NULL time for a negative value. */
  static GenericRowData event(String k, double seconds) {
    long millis = Math.round(seconds * 1000);
    return GenericRowData.of(StringData.fromString(k), seconds < 0 ? null : TimestampData.fromEpochMillis(millis));
  }

  static void send(OneInputStreamOperatorTestHarness<RowData, RowData> h, RowData... rows) throws Exception {
    for (RowData r : rows) {
      h.processElement(new StreamRecord<>(r));
    }
  }

  /** The rows let through, as "k@millis". */
  static List<String> passed(OneInputStreamOperatorTestHarness<RowData, RowData> h) {
    List<String> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof StreamRecord<?> r) {
        RowData row = (RowData) r.getValue();
        out.add(row.getString(0) + "@" + row.getTimestamp(1, 3).getMillisecond());
      }
    }
    return out;
  }

  /** The watermarks emitted, in order. */
  static List<Long> watermarks(OneInputStreamOperatorTestHarness<RowData, RowData> h) {
    List<Long> out = new ArrayList<>();
    for (Object o : h.getOutput()) {
      if (o instanceof Watermark w) {
        out.add(w.getTimestamp());
      }
    }
    return out;
  }

  /** The quarantined rows, as "k|reasons|update|flow". */
  static List<String> quarantined(OneInputStreamOperatorTestHarness<RowData, RowData> h, GateSpec spec) {
    List<String> out = new ArrayList<>();
    if (h.getSideOutput(tag(spec)) == null) {
      return out;
    }
    for (StreamRecord<RowData> r : h.getSideOutput(tag(spec))) {
      RowData row = r.getValue();
      out.add(row.getString(0) + "|" + row.getArray(2).getString(0) + "|" + row.getString(3) + "|" + row.getString(4));
    }
    return out;
  }

  /** The late-rows accumulator, summed over subtasks as Flink merges it. */
  @SafeVarargs
  static long lateRows(OneInputStreamOperatorTestHarness<RowData, RowData>... subtasks) {
    long sum = 0;
    for (OneInputStreamOperatorTestHarness<RowData, RowData> h : subtasks) {
      Accumulator<?, ?> a = h.getEnvironment().getAccumulatorRegistry().getUserMap().get(EventTimeGate.ACCUMULATOR);
      sum += a == null ? 0 : (Long) a.getLocalValue();
    }
    return sum;
  }
}
