package io.sluice.runtime.source;

import io.sluice.connectors.delta.DeltaSource;
import io.sluice.connectors.delta.DeltaTable;
import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.runtime.storage.StorageLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Delta tables as inputs: datasets of this pipeline, or any Delta table by path. */
public final class DeltaInputs {
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  private DeltaInputs() {}

  /** A dataset of this pipeline, whose schema the planner already knows. */
  public static InputSpec dataset(String dataset, Path table, RowType schema, boolean incremental) {
    return new InputSpec(InputKind.DELTA, StorageLayout.uri(table), schema, incremental, Map.of(),
        "dataset-" + dataset);
  }

  /** A table by path; its schema is read from the table's log. */
  public static InputSpec path(String path, Path resolved, boolean incremental) {
    DeltaTable table = DeltaTable.forPath(StorageLayout.uri(resolved));
    if (!table.exists()) {
      throw new IllegalArgumentException("Cannot read Delta table '" + path + "': there is no Delta"
          + " table at " + resolved + ". Check the path (relative paths start at the pipeline folder).");
    }
    return new InputSpec(InputKind.DELTA, StorageLayout.uri(resolved), table.schema(), incremental,
        Map.of(), "delta-" + io.sluice.runtime.translate.Uids.key(path));
  }

  static Source<RowData, ?, ?> source(InputSpec input, CatchUpMarker marker) {
    return input.incremental()
        ? DeltaSource.incremental(input.path(), marker, POLL_INTERVAL)
        : DeltaSource.snapshot(input.path());
  }
}
