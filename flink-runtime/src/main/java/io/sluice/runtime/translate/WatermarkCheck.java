package io.sluice.runtime.translate;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.WatermarkSpec;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.text.MappedText;
import io.sluice.runtime.eventtime.GateSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Checks a dataset's WATERMARK against its planned rows: the column exists and is a TIMESTAMP or
 * TIMESTAMP_LTZ, and Flink's planner accepts the expression over them (so an interval Flink would
 * reject, such as {@code INTERVAL '100' SECOND} without a precision, is reported at its position).
 * The form of the expression was checked with the graph ({@code EventTimeRule}).
 */
final class WatermarkCheck {
  private static final AtomicInteger VIEWS = new AtomicInteger();

  private WatermarkCheck() {}

  /** Whether the watermark fits the rows; problems say why not. True when there is no watermark. */
  static boolean check(FlowEnvironment fenv, Dataset dataset, Table rows, List<Problem> problems) {
    Optional<WatermarkSpec> declared = dataset.spec().watermark();
    if (declared.isEmpty()) {
      return true;
    }
    WatermarkSpec w = declared.get();
    RowType type = (RowType) rows.getResolvedSchema().toPhysicalRowDataType().getLogicalType();
    int field = fieldIndex(type, w.column());
    if (field < 0) {
      return fail(problems, Problem.error(ErrorCode.WATERMARK_INVALID, w.location(),
          "Cannot declare a watermark for column '" + w.column() + "' of '" + dataset.name() + "': it has no such column",
          "Use one of its TIMESTAMP or TIMESTAMP_LTZ columns: " + String.join(", ", type.getFieldNames()) + "."));
    }
    LogicalType column = type.getTypeAt(field);
    if (!GateSpec.isTimestamp(column)) {
      return fail(problems, Problem.error(ErrorCode.WATERMARK_INVALID, w.location(),
          "Cannot use column '" + w.column() + "' of type " + column.copy(true).asSummaryString()
              + " for the watermark of '" + dataset.name() + "': event time is a TIMESTAMP or TIMESTAMP_LTZ",
          "Convert it in the query, for example TO_TIMESTAMP_LTZ(" + w.column() + ", 3) AS " + w.column()
              + " for epoch milliseconds or TO_TIMESTAMP(" + w.column() + ") for text, and keep the watermark on"
              + " that column."));
    }
    return plans(fenv, dataset, rows, w, problems);
  }

  /** The field holding a column: its exact name, else the same name in another case; -1 if none. */
  static int fieldIndex(RowType type, String column) {
    List<String> names = type.getFieldNames();
    int exact = names.indexOf(column);
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean plans(FlowEnvironment fenv, Dataset dataset, Table rows, WatermarkSpec w,
      List<Problem> problems) {
    String view = "__sluice_watermark_" + VIEWS.incrementAndGet();
    fenv.tEnv.createTemporaryView(InputRegistry.quote(view), rows);
    MappedText expr = w.expression();
    MappedText sql = MappedText.builder(expr.file())
        .insert("SELECT (", expr.originOf(0))
        .append(expr, 0, expr.length())
        .insert(") FROM " + InputRegistry.quote(view), expr.originOf(expr.length()))
        .build();
    String what = "the watermark of '" + dataset.name() + "'";
    try {
      LogicalType result = fenv.tEnv.sqlQuery(sql.text()).getResolvedSchema().getColumnDataTypes().get(0)
          .getLogicalType();
      if (!GateSpec.isTimestamp(result)) {
        return fail(problems, Problem.error(ErrorCode.WATERMARK_INVALID, expr.start(),
            "Cannot use " + what + ": its expression is of type " + result.asSummaryString() + ", not a timestamp",
            "Write the column minus an interval, for example " + w.column() + " - INTERVAL '5' SECOND."));
      }
      return true;
    } catch (RuntimeException e) {
      Problem p = PlannerErrors.toProblem(e, sql, what);
      return fail(problems, new Problem(ErrorCode.WATERMARK_INVALID, p.severity(), p.location(), p.message(),
          "Write the column minus an interval Flink SQL accepts, for example " + w.column()
              + " - INTERVAL '5' SECOND or INTERVAL '100' SECOND(3).", p.params()));
    }
  }

  private static boolean fail(List<Problem> problems, Problem p) {
    if (!problems.contains(p)) {
      problems.add(p);
    }
    return false;
  }
}
