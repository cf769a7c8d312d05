package io.sluice.runtime.events;

import io.sluice.connectors.delta.DeltaTable;
import io.sluice.core.events.EventCodec;
import io.sluice.core.events.PipelineEvent;
import io.sluice.runtime.storage.StorageLayout;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;

/**
 * The event log as a Delta table ({@code storage/system/event_log}) that users query like DLT's:
 * one row per event, {@code details} and {@code error} as the codec's JSON text.
 */
final class EventLogTable {
  static final RowType TYPE = (RowType) DataTypes.ROW(
      DataTypes.FIELD("id", DataTypes.STRING()),
      DataTypes.FIELD("sequence", DataTypes.BIGINT()),
      DataTypes.FIELD("timestamp", DataTypes.TIMESTAMP_LTZ(6)),
      DataTypes.FIELD("level", DataTypes.STRING()),
      DataTypes.FIELD("event_type", DataTypes.STRING()),
      DataTypes.FIELD("message", DataTypes.STRING()),
      DataTypes.FIELD("origin", DataTypes.ROW(
          DataTypes.FIELD("pipeline_name", DataTypes.STRING()),
          DataTypes.FIELD("update_id", DataTypes.STRING()),
          DataTypes.FIELD("flow_name", DataTypes.STRING()),
          DataTypes.FIELD("dataset_name", DataTypes.STRING()))),
      DataTypes.FIELD("details", DataTypes.STRING()),
      DataTypes.FIELD("error", DataTypes.STRING())).getLogicalType();

  private final DeltaTable table;

  EventLogTable(StorageLayout layout) {
    this.table = DeltaTable.forPath(StorageLayout.uri(layout.system().resolve("event_log")));
  }

  /** Appends the events in one commit, creating the table on first use. */
  void append(List<PipelineEvent> events) {
    if (!table.exists()) {
      table.create(TYPE, List.of(), Map.of("comment", "Sluice pipeline event log"));
    }
    table.append(TYPE, events.stream().map(EventLogTable::row).toList());
  }

  static RowData row(PipelineEvent e) {
    return GenericRowData.of(
        text(e.id()),
        e.sequence(),
        TimestampData.fromInstant(e.timestamp()),
        text(e.level().name()),
        text(e.type().id()),
        text(e.message()),
        GenericRowData.of(text(e.origin().pipeline()), text(e.origin().updateId()),
            e.origin().flow().map(StringData::fromString).orElse(null),
            e.origin().dataset().map(StringData::fromString).orElse(null)),
        text(EventCodec.detailsJson(e)),
        EventCodec.errorJson(e).map(StringData::fromString).orElse(null));
  }

  private static StringData text(String s) {
    return StringData.fromString(s);
  }
}
