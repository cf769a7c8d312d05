package io.sluice.runtime.cdc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;

/**
 * SCD type 2 for the current key: keeps every distinct event, sorted by sequence, and after each
 * new one emits the difference between the versions before and after it (see {@link Scd2Versions}),
 * so the history is right whatever order the events arrive in. An event whose sequence the key
 * already has is a duplicate and ignored.
 *
 * <p>The versions emitted before are not stored: they are recomputed from the events before the
 * new one, which gives exactly the rows emitted then. Each event costs time linear in the key's
 * number of events.
 *
 * <p>State (keyed, part of the savepoint format): {@value #EVENTS}, the key's events in sequence
 * order, as rows of {@link ChangeEvents#stateType}.
 */
final class Scd2History {
  static final String EVENTS = "sluice-cdc-events";

  private final ChangeEvents codec;
  private final SequenceOrder order;
  private final Scd2Versions versions;
  private final ValueState<List<RowData>> events;

  Scd2History(ChangeLayout layout, ChangeEvents codec, RuntimeContext context) {
    this.codec = codec;
    order = new SequenceOrder(layout.sequenceTypes());
    versions = new Scd2Versions(layout);
    events = context.getState(new ValueStateDescriptor<>(EVENTS,
        new ListTypeInfo<>(InternalTypeInfo.of(ChangeEvents.stateType(layout)))));
  }

  void apply(ChangeEvent event, ChangeOut out) throws Exception {
    List<RowData> value = events.value();
    List<RowData> stored = value == null ? List.of() : value;
    List<ChangeEvent> before = new ArrayList<>(stored.size() + 1);
    for (RowData row : stored) {
      before.add(codec.decode(row));
    }
    int found = Collections.binarySearch(before, event, (a, b) -> order.compare(a.sequence(), b.sequence()));
    if (found >= 0) {
      return;
    }
    int at = -found - 1;
    List<ChangeEvent> after = new ArrayList<>(before);
    after.add(at, event);
    emitDifference(versions.of(before), versions.of(after), out);
    List<RowData> updated = new ArrayList<>(stored);
    updated.add(at, codec.encode(event));
    events.update(updated);
  }

  /** Versions gone as DELETE, changed ones (same start) as UPDATE_BEFORE/AFTER, new ones as INSERT. */
  private void emitDifference(List<GenericRowData> old, List<GenericRowData> now, ChangeOut out) {
    Map<Object, GenericRowData> oldByStart = new LinkedHashMap<>();
    for (GenericRowData v : old) {
      oldByStart.put(versions.start(v), v);
    }
    List<GenericRowData> inserted = new ArrayList<>();
    List<GenericRowData[]> updated = new ArrayList<>();
    for (GenericRowData v : now) {
      GenericRowData was = oldByStart.remove(versions.start(v));
      if (was == null) {
        inserted.add(v);
      } else if (!was.equals(v)) {
        updated.add(new GenericRowData[] {was, v});
      }
    }
    oldByStart.values().forEach(out::delete);
    updated.forEach(pair -> out.update(pair[0], pair[1]));
    inserted.forEach(out::insert);
  }
}
