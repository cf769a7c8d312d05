package io.sluice.runtime.sink;

import io.sluice.connectors.delta.WriteMode;
import io.sluice.connectors.iceberg.IcebergSink;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.data.RowData;

/**
 * Iceberg targets: appends through Iceberg's own Flink sink (its committer records job and
 * checkpoint ids in snapshot summaries, so a restore never commits twice); full recomputes through
 * one overwrite commit of the whole table at the end of a batch job; AUTO CDC changelogs as
 * row-level deletes and inserts (format v2 equality deletes) keyed by the target's row identity.
 */
final class IcebergWrites {
  private IcebergWrites() {}

  static DataStreamSink<?> write(DataStream<RowData> rows, String tablePath, WriteMode mode, String uidPrefix) {
    switch (mode) {
      case OVERWRITE:
        return IcebergSink.overwrite(rows, tablePath, uidPrefix);
      case APPEND:
        return IcebergSink.append(rows, tablePath, uidPrefix);
      default:
        // Views maintained from a changelog are Delta only (see ViewMaintenance); never reached.
        throw new IllegalArgumentException("Cannot write " + tablePath + " in mode " + mode
            + ": Iceberg tables are appended to or overwritten");
    }
  }

  static DataStreamSink<?> applyChanges(DataStream<RowData> changes, String tablePath, List<String> rowIdentity,
      String uidPrefix) {
    return IcebergSink.applyChanges(changes, tablePath, rowIdentity, uidPrefix);
  }
}
