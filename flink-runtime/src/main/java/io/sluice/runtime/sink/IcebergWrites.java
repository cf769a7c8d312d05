package io.sluice.runtime.sink;

import io.sluice.connectors.delta.WriteMode;
import io.sluice.connectors.iceberg.IcebergSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.data.RowData;

/**
 * Iceberg targets: appends through Iceberg's own Flink sink (its committer records job and
 * checkpoint ids in snapshot summaries, so a restore never commits twice); full recomputes through
 * one overwrite commit of the whole table at the end of a batch job.
 */
final class IcebergWrites {
  private IcebergWrites() {}

  static DataStreamSink<?> write(DataStream<RowData> rows, String tablePath, WriteMode mode, String uidPrefix) {
    return mode == WriteMode.OVERWRITE
        ? IcebergSink.overwrite(rows, tablePath, uidPrefix)
        : IcebergSink.append(rows, tablePath, uidPrefix);
  }
}
