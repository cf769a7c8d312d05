package io.sluice.runtime.cdc;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;

/**
 * SCD type 1 for the current key: the latest row, or a tombstone after a delete.
 *
 * <p>State (keyed, part of the savepoint format): {@value #SEQUENCE}, the sequence of the latest
 * event applied (row or tombstone); {@value #ROW}, the current row (absent for a tombstone); and
 * {@value #EXPIRY}, the processing time at which the tombstone is dropped. An event whose sequence
 * is at or before the stored one is ignored, so a late, older event cannot bring a deleted row back
 * while its tombstone is kept.
 */
final class Scd1State {
  static final String SEQUENCE = "sluice-cdc-sequence";
  static final String ROW = "sluice-cdc-row";
  static final String EXPIRY = "sluice-cdc-tombstone-expiry";

  private final ChangeLayout layout;
  private final SequenceOrder order;
  private final Fields stored;
  private final ValueState<RowData> sequence;
  private final ValueState<RowData> row;
  private final ValueState<Long> expiry;

  Scd1State(ChangeLayout layout, RuntimeContext context) {
    this.layout = layout;
    order = new SequenceOrder(layout.sequenceTypes());
    stored = Fields.from(0, layout.valueTypes());
    sequence = context.getState(new ValueStateDescriptor<>(SEQUENCE,
        InternalTypeInfo.of(RowType.of(layout.sequenceTypes()))));
    row = context.getState(new ValueStateDescriptor<>(ROW,
        InternalTypeInfo.of(RowType.of(ChangeEvents.nullable(layout.valueTypes())))));
    expiry = context.getState(new ValueStateDescriptor<>(EXPIRY, Types.LONG));
  }

  void apply(ChangeEvent event, TimerService timers, ChangeOut out) throws Exception {
    RowData latest = sequence.value();
    if (latest != null && order.compare(event.sequence(), latest) <= 0) {
      return;
    }
    RowData current = row.value();
    GenericRowData old = current == null ? null : stored.read(current);
    sequence.update(event.sequence());
    cancelExpiry(timers);
    if (event.delete()) {
      if (old != null) {
        out.delete(old);
      }
      row.clear();
      keepTombstone(timers);
      return;
    }
    GenericRowData next = layout.ignoreNullUpdates() && old != null ? Rows.fillNulls(event.values(), old)
        : event.values();
    if (old == null) {
      out.insert(next);
    } else if (!next.equals(old)) {
      out.update(old, next);
    }
    row.update(next);
  }

  /**
   * APPLY AS TRUNCATE WHEN, for the current key: a row or tombstone whose sequence is at or before
   * the truncate's is removed (a row emitted as DELETE), and the key's state dropped; later
   * events of the key are kept. The caller keeps the truncate's sequence to ignore older events
   * that arrive afterwards.
   */
  void truncate(RowData at, TimerService timers, ChangeOut out) throws Exception {
    RowData latest = sequence.value();
    if (latest == null || order.compare(latest, at) > 0) {
      return;
    }
    RowData current = row.value();
    if (current != null) {
      out.delete(stored.read(current));
    }
    cancelExpiry(timers);
    sequence.clear();
    row.clear();
  }

  /** Drops the key's tombstone if the timer firing at {@code time} is the one it set. */
  void expire(long time) throws Exception {
    Long at = expiry.value();
    if (at != null && at == time) {
      sequence.clear();
      row.clear();
      expiry.clear();
    }
  }

  private void keepTombstone(TimerService timers) throws Exception {
    long now = timers.currentProcessingTime();
    long retention = layout.tombstoneRetentionMillis();
    if (retention <= Long.MAX_VALUE - now) { // else kept forever
      timers.registerProcessingTimeTimer(now + retention);
      expiry.update(now + retention);
    }
  }

  private void cancelExpiry(TimerService timers) throws Exception {
    Long at = expiry.value();
    if (at != null) {
      timers.deleteProcessingTimeTimer(at);
      expiry.clear();
    }
  }
}
