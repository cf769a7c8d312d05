package io.sluice.connectors.iceberg;

import io.sluice.connectors.progress.CatchUpMarker;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.source.IcebergSource;
import org.apache.iceberg.flink.source.StreamingStartingStrategy;

/**
 * Reads an Iceberg table as Flink rows of its {@link IcebergTable#schema()} (as of when the
 * source is built) with Iceberg's own FLIP-27 source. The sources declare their produced type,
 * so {@code env.fromSource(source, WatermarkStrategy.noWatermarks(), name)} needs no type; give
 * the source operator a uid.
 */
public final class IcebergInputs {
  private IcebergInputs() {}

  /** The table's current snapshot when the job starts; bounded. The table must exist. */
  public static Source<RowData, ?, ?> snapshot(String tablePath) {
    IcebergTable table = IcebergTable.forPath(tablePath);
    return build(table, table.load(), CatchUpMarker.none(), Duration.ZERO, Map.of());
  }

  /**
   * The table's current snapshot when the job first starts, then the data files of every later
   * append, polling every {@code monitorInterval}; unbounded. {@code marker} is set once every
   * row of the snapshots that existed at (re)start has been emitted. Fails when a later snapshot
   * overwrites or deletes data, or the table is replaced: full-refresh the reading dataset then.
   */
  public static Source<RowData, ?, ?> incremental(String tablePath, CatchUpMarker marker,
      Duration monitorInterval) {
    Objects.requireNonNull(marker, "marker");
    if (monitorInterval.isZero() || monitorInterval.isNegative()) {
      throw new IllegalArgumentException("Cannot poll Iceberg table " + tablePath + " every "
          + monitorInterval + ": use a positive interval such as 1 second.");
    }
    return incremental(tablePath, marker, monitorInterval, Map.of());
  }

  /** {@link #incremental}, with Iceberg read options (FlinkReadOptions) for tests. */
  static RowDataSource incremental(String tablePath, CatchUpMarker marker,
      Duration monitorInterval, Map<String, String> readOptions) {
    IcebergTable table = IcebergTable.forPath(tablePath);
    return build(table, table.load(), marker, monitorInterval, readOptions);
  }

  private static RowDataSource build(IcebergTable table, Table loaded, CatchUpMarker marker,
      Duration monitorInterval, Map<String, String> readOptions) {
    boolean continuous = !monitorInterval.isZero(); // zero: the bounded snapshot read
    TableLoader loader = table.loader();
    IcebergSource.Builder<RowData> builder = IcebergSource.forRowData()
        .tableLoader(loader)
        .table(loaded)
        .setAll(readOptions)
        .streaming(continuous);
    if (continuous) {
      builder = builder
          .streamingStartingStrategy(StreamingStartingStrategy.TABLE_SCAN_THEN_INCREMENTAL)
          .monitorInterval(monitorInterval);
    }
    return new RowDataSource(builder.build(), IcebergTypes.toFlink(loaded.schema()),
        table.path(), loader, marker);
  }
}
