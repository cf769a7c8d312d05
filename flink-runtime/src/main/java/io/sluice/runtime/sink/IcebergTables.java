package io.sluice.runtime.sink;

import io.sluice.core.model.Dataset;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.List;
import org.apache.flink.table.types.logical.RowType;

/** Setting up Iceberg tables. */
final class IcebergTables {
  private IcebergTables() {}

  static void prepare(String path, Dataset dataset, RowType schema, boolean reset, List<Problem> problems) {
    problems.add(Problem.error(ErrorCode.UNSUPPORTED_FEATURE, dataset.location(),
        "Cannot store '" + dataset.name() + "' as Iceberg yet", "Use the default format, delta."));
  }
}
