package io.sluice.runtime.translate;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.model.Dataset;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.types.ColumnTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/** The schema a dataset declares in its column list, if it declares columns. */
final class DeclaredSchema {
  private DeclaredSchema() {}

  /** Empty when the dataset declares no columns (or only constraints). Bad types are problems. */
  static Optional<RowType> of(Dataset dataset, List<Problem> problems) {
    List<ColumnSpec> columns = dataset.spec().columns();
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    List<RowType.RowField> fields = new ArrayList<>();
    for (ColumnSpec c : columns) {
      try {
        LogicalType type = ColumnTypes.parse(c.type()).copy(!c.notNull());
        fields.add(new RowType.RowField(c.name(), type, c.comment().orElse(null)));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.error(ErrorCode.COLUMN_TYPE_INVALID, c.location(),
            "Cannot declare column '" + c.name() + "' of '" + dataset.name() + "': " + e.getMessage(),
            "Use a Flink SQL type."));
      }
    }
    return fields.size() == columns.size() ? Optional.of(new RowType(true, fields)) : Optional.empty();
  }
}
