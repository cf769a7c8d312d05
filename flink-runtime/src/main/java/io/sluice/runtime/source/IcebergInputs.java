package io.sluice.runtime.source;

import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.Uids;
import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.table.types.logical.RowType;

/** Iceberg tables as inputs: datasets of this pipeline stored as Iceberg, or any table by path. */
public final class IcebergInputs {
  private IcebergInputs() {}

  public static InputSpec dataset(Path table, String dataset, RowType schema, boolean incremental) {
    return new InputSpec(InputKind.ICEBERG, StorageLayout.uri(table), schema, incremental, Map.of(),
        "dataset-" + dataset);
  }

  public static InputSpec path(String path, Path resolved, boolean incremental) {
    throw new IllegalArgumentException("Cannot read Iceberg table '" + path + "' by path yet.");
  }

  static String key(String path) {
    return "iceberg-" + Uids.key(path);
  }
}
