package io.sluice.runtime.translate;

import io.sluice.runtime.cdc.ChangeKeys;
import io.sluice.runtime.cdc.TruncatingChangeApplier;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;

/**
 * An AUTO CDC flow with {@code APPLY AS TRUNCATE WHEN}: rows whose condition is TRUE are truncates,
 * broadcast to every applier; the others are change events keyed by the flow's keys. Both meet in
 * {@link TruncatingChangeApplier}, under the uid the flow's applier has without the clause.
 */
final class Truncates {
  private Truncates() {}

  static DataStream<RowData> apply(DataStream<RowData> events, ChangeColumns c, String applierUid, String flow,
      String target) {
    int field = c.truncateField();
    DataStream<RowData> changes = events.filter(new Flag(field, false))
        .uid(flow + "/cdc/changes").name("change events: " + target);
    DataStream<RowData> truncates = events.filter(new Flag(field, true))
        .uid(flow + "/cdc/truncates").name("truncates: " + target);
    return changes
        .keyBy(ChangeKeys.keySelector(c.keyFields(), c.keyTypes()), ChangeKeys.keyType(c.keyTypes()))
        .connect(truncates.broadcast())
        .transform("apply changes: " + target, InternalTypeInfo.of(c.target()),
            new TruncatingChangeApplier(c.layout()))
        .uid(applierUid);
  }

  /** Keeps rows whose truncate flag is {@code truncates} (a NULL flag is no truncate). */
  private record Flag(int field, boolean truncates) implements FilterFunction<RowData> {
    @Override
    public boolean filter(RowData row) {
      boolean flagged = !row.isNullAt(field) && row.getBoolean(field);
      return flagged == truncates;
    }
  }
}
