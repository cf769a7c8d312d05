package io.sluice.runtime.source;

import io.sluice.connectors.iceberg.IcebergTable;
import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.Uids;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Iceberg tables as inputs: datasets of this pipeline stored as Iceberg, or any table by path. */
public final class IcebergInputs {
  static final Duration MONITOR_INTERVAL = Duration.ofSeconds(1);

  private IcebergInputs() {}

  public static InputSpec dataset(Path table, String dataset, RowType schema, boolean incremental) {
    return new InputSpec(InputKind.ICEBERG, StorageLayout.uri(table), schema, incremental, Map.of(),
        "dataset-" + dataset);
  }

  /** A table by path; its schema is read from its metadata. */
  public static InputSpec path(String path, Path resolved, boolean incremental) {
    IcebergTable table = IcebergTable.forPath(StorageLayout.uri(resolved));
    if (!table.exists()) {
      throw new IllegalArgumentException("Cannot read Iceberg table '" + path + "': there is no Iceberg"
          + " table at " + resolved + ". Check the path (relative paths start at the pipeline folder).");
    }
    return new InputSpec(InputKind.ICEBERG, StorageLayout.uri(resolved), table.schema(), incremental,
        Map.of(), "iceberg-" + Uids.key(path));
  }

  static Source<RowData, ?, ?> source(InputSpec input, CatchUpMarker marker) {
    return input.incremental()
        ? io.sluice.connectors.iceberg.IcebergInputs.incremental(input.path(), marker, MONITOR_INTERVAL)
        : io.sluice.connectors.iceberg.IcebergInputs.snapshot(input.path());
  }
}
