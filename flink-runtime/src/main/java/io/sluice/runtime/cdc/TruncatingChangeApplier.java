package io.sluice.runtime.cdc;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.SimpleTimerService;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;

/**
 * AUTO CDC into an SCD type 1 table with {@code APPLY AS TRUNCATE WHEN}: {@link ChangeApplier}'s
 * rules for the keyed change events (first input), plus truncate events (second input, broadcast
 * to every subtask) that empty the table as of their sequence.
 *
 * <pre>
 * change events ──keyBy(ChangeKeys.keySelector)──┐
 *                                                 ├─▶ TruncatingChangeApplier ──▶ changelog
 * truncate events ──broadcast────────────────────┘
 * </pre>
 *
 * <p><b>Order.</b> A truncate at sequence {@code t} removes every row and tombstone whose latest
 * sequence is at or before {@code t}; every event at or before the newest truncate's sequence is
 * ignored, whenever it arrives. So the result does not depend on how the two inputs interleave:
 * an insert after the truncate (by sequence) survives it even if it arrived first, and a late
 * older event does not bring a truncated row back. A truncate older than one applied before
 * changes nothing. The newest truncate sequence is kept in union operator state (every subtask
 * sees every truncate, so all hold the same value and any one is right after a rescale).
 *
 * <p><b>Cost.</b> A truncate visits every key of the subtask (the keys are listed first, then
 * each is set as the current key and truncated), so it costs as much as the table has keys.
 *
 * <p>Same keyed state and timer service names as {@link ChangeApplier} (SCD type 1), so a flow
 * that adds the clause restores its state under the same uid.
 */
public final class TruncatingChangeApplier extends AbstractStreamOperator<RowData>
    implements TwoInputStreamOperator<RowData, RowData, RowData>, Triggerable<RowData, VoidNamespace> {
  static final String TRUNCATED_AT = "sluice-cdc-truncated-at";
  private static final long serialVersionUID = 1L;

  private final ChangeLayout layout;
  private transient ChangeEvents events;
  private transient SequenceOrder order;
  private transient ChangeOut changes;
  private transient Scd1State scd1;
  private transient TimerService timers;
  private transient ListState<RowData> truncatedAtState;
  private transient RowData truncatedAt;

  public TruncatingChangeApplier(ChangeLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
    if (layout.scdType() != 1) {
      throw new IllegalArgumentException("Cannot truncate an SCD type " + layout.scdType()
          + " target: APPLY AS TRUNCATE WHEN applies to SCD type 1 only");
    }
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    order = new SequenceOrder(layout.sequenceTypes());
    truncatedAtState = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>(
        TRUNCATED_AT, InternalTypeInfo.of(RowType.of(layout.sequenceTypes()))));
    for (RowData at : truncatedAtState.get()) {
      if (truncatedAt == null || order.compare(at, truncatedAt) > 0) {
        truncatedAt = at;
      }
    }
  }

  @Override
  public void open() throws Exception {
    super.open();
    events = new ChangeEvents(layout);
    changes = ChangeOut.of(getRuntimeContext());
    changes.into(new TimestampedCollector<>(output));
    scd1 = new Scd1State(layout, getRuntimeContext());
    timers = new SimpleTimerService(
        getInternalTimerService("user-timers", VoidNamespaceSerializer.INSTANCE, this));
  }

  @Override
  public void processElement1(StreamRecord<RowData> element) throws Exception {
    ChangeEvent event = events.read(element.getValue());
    if (truncatedAt != null && order.compare(event.sequence(), truncatedAt) <= 0) {
      return;
    }
    scd1.apply(event, timers, changes);
  }

  @Override
  public void processElement2(StreamRecord<RowData> element) throws Exception {
    RowData at = events.read(element.getValue()).sequence();
    if (truncatedAt != null && order.compare(at, truncatedAt) <= 0) {
      return;
    }
    truncatedAt = at;
    List<RowData> keys;
    KeyedStateBackend<RowData> backend = getKeyedStateBackend();
    try (Stream<RowData> all = backend.getKeys(Scd1State.SEQUENCE, VoidNamespace.INSTANCE)) {
      keys = all.collect(Collectors.toList()); // listed first: truncating changes the state
    }
    for (RowData key : keys) {
      setCurrentKey(key);
      scd1.truncate(at, timers, changes);
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    truncatedAtState.update(truncatedAt == null ? List.of() : List.of(truncatedAt));
  }

  @Override
  public void onProcessingTime(InternalTimer<RowData, VoidNamespace> timer) throws Exception {
    scd1.expire(timer.getTimestamp());
  }

  @Override
  public void onEventTime(InternalTimer<RowData, VoidNamespace> timer) {
    // no event-time timers
  }
}
