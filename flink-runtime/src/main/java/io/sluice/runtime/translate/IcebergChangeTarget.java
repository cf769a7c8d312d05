package io.sluice.runtime.translate;

import io.sluice.core.model.ChangeSpec;
import io.sluice.runtime.plan.FlowPlan;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

/**
 * An AUTO CDC target stored as Iceberg: its rows are deleted by their row identity (equality
 * deletes, format v2), which is the keys for SCD type 1 and the keys with {@code __START_AT} for
 * SCD type 2 (a version is closed by replacing it with the same row and {@code __END_AT} set).
 * What Iceberg cannot delete by is a problem at the flow, found when the pipeline is validated.
 */
final class IcebergChangeTarget {
  /** Iceberg's table property for the format version; v1 has no row-level deletes. */
  static final String FORMAT_VERSION = "format-version";

  private IcebergChangeTarget() {}

  /** The target's columns rows are deleted by, named as in the target schema. */
  static List<String> rowIdentity(ChangeSpec spec, RowType target) {
    List<String> columns = new ArrayList<>();
    for (String key : spec.keys()) {
      columns.add(target.getFieldNames().stream().filter(key::equalsIgnoreCase).findFirst()
          .orElseThrow(() -> new IllegalStateException("Key " + key + " is not a column of " + target)));
    }
    if (spec.scdType() == 2) {
      columns.add(ChangeSpec.START_AT);
    }
    return columns;
  }

  /** Adds a problem for each reason the changes cannot be written to an Iceberg target. */
  static void check(FlowPlan plan, ChangeSpec spec, RowType target, List<io.sluice.core.problem.Problem> problems) {
    plan.target().spec().property(FORMAT_VERSION).filter(v -> v.trim().equals("1")).ifPresent(v ->
        problems.add(ChangeFlowTranslator.problem(plan, "Iceberg format version 1 has no row-level deletes",
            "Remove the table property '" + FORMAT_VERSION + "' = '1' (AUTO CDC targets are version 2)"
                + " and run with --full-refresh " + plan.target().name() + ".")));
    for (String column : rowIdentity(spec, target)) {
      LogicalType type = target.getTypeAt(target.getFieldIndex(column));
      if (!deletableBy(type)) {
        String todo = column.equals(ChangeSpec.START_AT)
            ? "Sequence by a single column (not a struct) for an SCD type 2 target stored as Iceberg,"
                + " or store the target as Delta."
            : "Key by columns of another type (cast a FLOAT or DOUBLE key to DECIMAL or STRING in the"
                + " source), or store the target as Delta.";
        problems.add(ChangeFlowTranslator.problem(plan, "Iceberg deletes rows by primitive columns other "
            + "than FLOAT and DOUBLE, and '" + column + "' is " + type.asSummaryString(), todo));
      }
    }
  }

  private static boolean deletableBy(LogicalType type) {
    LogicalTypeRoot root = type.getTypeRoot();
    return root != LogicalTypeRoot.FLOAT && root != LogicalTypeRoot.DOUBLE && root != LogicalTypeRoot.ROW
        && root != LogicalTypeRoot.ARRAY && root != LogicalTypeRoot.MAP && root != LogicalTypeRoot.MULTISET
        && root != LogicalTypeRoot.STRUCTURED_TYPE && root != LogicalTypeRoot.DISTINCT_TYPE
        && root != LogicalTypeRoot.RAW;
  }
}
