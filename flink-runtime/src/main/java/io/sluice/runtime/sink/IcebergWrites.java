package io.sluice.runtime.sink;

import io.sluice.connectors.delta.WriteMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.data.RowData;

/** Iceberg targets, through Iceberg's own Flink sink. */
final class IcebergWrites {
  private IcebergWrites() {}

  static DataStreamSink<?> write(DataStream<RowData> rows, String tablePath, WriteMode mode, String uidPrefix) {
    throw new UnsupportedOperationException("Iceberg targets are not wired yet");
  }
}
