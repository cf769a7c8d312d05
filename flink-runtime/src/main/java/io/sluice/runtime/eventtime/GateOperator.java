package io.sluice.runtime.eventtime;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.OutputTag;

/**
 * The event time of one input where it enters a flow: assigns the watermark (newest event time
 * seen minus the delay, minus 1 ms, as Flink's bounded-out-of-orderness watermarks do), and takes
 * out the rows that are behind it, so that no operator downstream ever sees — and silently drops —
 * a late row.
 *
 * <p>A row is late when its event time is at or behind the watermark of the rows before it, or
 * NULL (it has no place in event time). Lateness is decided per row against the newest event time
 * seen so far, not against the last watermark emitted, so it depends only on the order of the
 * rows, never on timing; the watermark emitted downstream is never ahead of it, so every row let
 * through is on time for every window, join and OVER downstream.
 *
 * <p>Watermarks are emitted every {@code intervalMillis} of processing time and before every
 * checkpoint barrier: a savepoint that stops a triggered run follows the watermark of everything
 * read, so the windows it closes are closed in that run. Watermarks and idleness announced by the
 * source are ignored (the gate owns its input's event time), except the final watermark of an input
 * that ends. With {@code idleTimeoutMillis}, an input without rows for that long is announced idle.
 *
 * <p>State (operator state, part of the savepoint format): {@value #NEWEST_STATE}, the newest event
 * time seen (union list state; a restored subtask continues from the newest of all entries, so the
 * watermark never goes back), and {@value #LATE_STATE}, the late rows counted (each subtask sums
 * the entries it gets). The accumulator {@value EventTimeGate#ACCUMULATOR} starts from the restored
 * count, so a job's final value is the cumulative total, exact across failovers and restores.
 */
final class GateOperator extends AbstractStreamOperator<RowData>
    implements OneInputStreamOperator<RowData, RowData>, ProcessingTimeCallback {
  static final String NEWEST_STATE = "sluice-event-time-newest";
  static final String LATE_STATE = "sluice-late-rows";
  private static final long NONE = Long.MIN_VALUE;

  private final GateSpec spec;
  private final OutputTag<RowData> quarantine;
  private transient ListState<Long> newestState;
  private transient ListState<Long> lateState;
  private transient long newest;
  private transient long late;
  private transient long emitted;
  private transient long lastRowAt;
  private transient boolean idle;
  private transient int precision;
  private transient RowtimeRows rowtime;
  private transient LateRowsOut lateRows;
  private transient LongCounter accumulator;
  private transient Counter metric;

  /** {@code quarantine} is null when late rows are dropped. */
  GateOperator(GateSpec spec, OutputTag<RowData> quarantine) {
    this.spec = spec;
    this.quarantine = quarantine;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    newestState = context.getOperatorStateStore().getUnionListState(
        new ListStateDescriptor<>(NEWEST_STATE, Types.LONG));
    lateState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(LATE_STATE, Types.LONG));
    newest = NONE;
    for (Long t : newestState.get()) {
      newest = Math.max(newest, t);
    }
    late = 0;
    for (Long n : lateState.get()) {
      late += n;
    }
  }

  @Override
  public void open() throws Exception {
    super.open();
    emitted = NONE;
    precision = spec.timePrecision();
    rowtime = new RowtimeRows(spec.inputType().getFieldCount(), spec.timeField());
    lateRows = spec.quarantines() ? new LateRowsOut(spec) : null;
    // Shared by every gate chained into this task; the job's value is the sum over all of them.
    accumulator = getRuntimeContext().getLongCounter(EventTimeGate.ACCUMULATOR);
    accumulator.add(late);
    metric = getMetricGroup().counter(EventTimeGate.METRIC);
    long now = getProcessingTimeService().getCurrentProcessingTime();
    lastRowAt = now;
    getProcessingTimeService().registerTimer(now + spec.watermarking().intervalMillis(), this);
  }

  @Override
  public void processElement(StreamRecord<RowData> element) {
    RowData row = element.getValue();
    if (spec.watermarking().idleTimeoutMillis() > 0) {
      lastRowAt = getProcessingTimeService().getCurrentProcessingTime();
      if (idle) {
        idle = false;
        output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
      }
    }
    if (row.isNullAt(spec.timeField())) {
      late(row);
      return;
    }
    long eventTime = row.getTimestamp(spec.timeField(), precision).getMillisecond();
    if (eventTime <= watermark()) {
      late(row);
      return;
    }
    newest = Math.max(newest, eventTime);
    output.collect(element.replace(rowtime.present(row, eventTime), eventTime));
  }

  private void late(RowData row) {
    late++;
    accumulator.add(1L);
    metric.inc();
    if (lateRows != null) {
      long now = getProcessingTimeService().getCurrentProcessingTime();
      output.collect(quarantine, new StreamRecord<>(lateRows.row(row, now)));
    }
  }

  /** Newest event time seen minus the delay, minus 1 ms; NONE before the first row. */
  private long watermark() {
    return newest == NONE ? NONE : newest - spec.watermarking().delayMillis() - 1;
  }

  private void emitWatermark() {
    long w = watermark();
    if (w > emitted && !idle) {
      emitted = w;
      output.emitWatermark(new Watermark(w));
    }
  }

  @Override
  public void onProcessingTime(long time) {
    emitWatermark();
    long timeout = spec.watermarking().idleTimeoutMillis();
    if (timeout > 0 && !idle && time - lastRowAt >= timeout) {
      idle = true;
      output.emitWatermarkStatus(WatermarkStatus.IDLE);
    }
    getProcessingTimeService().registerTimer(time + spec.watermarking().intervalMillis(), this);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    emitWatermark();
  }

  /** The input's own watermarks are not event time; only its end (the final watermark) passes. */
  @Override
  public void processWatermark(Watermark mark) {
    if (mark.getTimestamp() == Long.MAX_VALUE && emitted != Long.MAX_VALUE) {
      emitted = Long.MAX_VALUE;
      output.emitWatermark(mark);
    }
  }

  /** The gate announces its input's idleness itself (see the class comment). */
  @Override
  public void processWatermarkStatus(WatermarkStatus status) {}

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    newestState.update(newest == NONE ? java.util.List.of() : java.util.List.of(newest));
    lateState.update(java.util.List.of(late));
  }
}
