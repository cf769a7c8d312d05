package io.sluice.runtime.translate;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;

/**
 * Writes a query's result BY NAME into a table's schema: columns are matched by name (exactly,
 * else ignoring case), cast to the table's types and put in the table's order; a column the table
 * lacks is an error, a column the query lacks becomes NULL.
 */
final class SchemaConformance {
  private SchemaConformance() {}

  static Optional<Table> conform(StreamTableEnvironment tEnv, Table result, RowType target,
      Failure failure, List<Problem> problems) {
    RowType actual = (RowType) result.getResolvedSchema().toPhysicalRowDataType().getLogicalType();
    List<String> names = actual.getFieldNames();
    List<String> extra = new ArrayList<>();
    for (String n : names) {
      if (find(target.getFieldNames(), n).isEmpty()) {
        extra.add(n);
      }
    }
    if (!extra.isEmpty()) {
      problems.add(Problem.error(ErrorCode.SCHEMA_MISMATCH, failure.at(),
          "Cannot write " + failure.what() + " into '" + failure.target() + "': it has no column "
              + extra.stream().map(e -> "'" + e + "'").collect(Collectors.joining(", ")),
          "Declare the column(s) in '" + failure.target() + "' or leave them out of the query."));
      return Optional.empty();
    }
    List<String> select = new ArrayList<>();
    for (RowType.RowField f : target.getFields()) {
      Optional<String> source = find(names, f.getName());
      String type = TypeConversions.fromLogicalToDataType(f.getType()).getLogicalType().copy(true).asSerializableString();
      String expr = source.map(s -> sameType(actual, s, f.getType()) ? InputRegistry.quote(s)
          : "CAST(" + InputRegistry.quote(s) + " AS " + type + ")").orElse("CAST(NULL AS " + type + ")");
      select.add(expr + " AS " + InputRegistry.quote(f.getName()));
    }
    String view = "__sluice_result";
    tEnv.createTemporaryView(InputRegistry.quote(view), result);
    try {
      return Optional.of(tEnv.sqlQuery("SELECT " + String.join(", ", select) + " FROM " + InputRegistry.quote(view)));
    } catch (RuntimeException e) {
      problems.add(Problem.error(ErrorCode.SCHEMA_MISMATCH, failure.at(),
          "Cannot write " + failure.what() + " into '" + failure.target() + "': " + firstLine(e),
          "Make the query's column types castable to the declared ones."));
      return Optional.empty();
    }
  }

  /** What is being written where, for messages. */
  record Failure(String what, String target, SourceLocation at) {}

  private static boolean sameType(RowType actual, String name, LogicalType wanted) {
    LogicalType have = actual.getTypeAt(actual.getFieldIndex(name));
    return have.copy(true).equals(wanted.copy(true));
  }

  private static Optional<String> find(List<String> names, String wanted) {
    if (names.contains(wanted)) {
      return Optional.of(wanted);
    }
    return names.stream().filter(n -> n.equalsIgnoreCase(wanted)).findFirst();
  }

  private static String firstLine(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
