package io.sluice.runtime.sink;

import io.sluice.connectors.iceberg.IcebergTable;
import io.sluice.connectors.schema.SchemaComparison;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.List;
import org.apache.flink.table.types.logical.RowType;

/** Setting up Iceberg tables: the same rules as for Delta (see {@link TableSetup}). */
final class IcebergTables {
  private IcebergTables() {}

  static void prepare(String path, Dataset dataset, RowType schema, boolean reset, List<Problem> problems) {
    IcebergTable table = IcebergTable.forPath(path);
    List<String> partitions = dataset.spec().partitionColumns();
    if (!table.exists()) {
      table.create(schema, partitions, dataset.spec().properties());
      return;
    }
    if (reset || dataset.kind() == DatasetKind.MATERIALIZED_VIEW && !table.compareWith(schema, partitions).isSame()) {
      table.replace(schema, partitions, dataset.spec().properties());
      return;
    }
    SchemaComparison cmp = table.compareWith(schema, partitions);
    if (!cmp.isSame()) {
      problems.add(Problem.error(ErrorCode.SCHEMA_MISMATCH, dataset.location(),
          "Cannot change the schema of streaming table '" + dataset.name() + "': " + cmp.describe(),
          "Its rows were written with the old schema. Run with --full-refresh " + dataset.name()
              + " to rebuild it with the new one."));
    }
  }
}
