package io.sluice.runtime.translate;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Expectation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.text.MappedText;
import io.sluice.expectations.Check;
import io.sluice.expectations.ExpectationSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

/**
 * A dataset's expectations in a flow's job. Flink's planner evaluates every predicate as a BOOLEAN
 * column appended to the dataset's rows ({@code SELECT *, (p1), (p2) ...}); one expectations
 * operator then decides each row's fate (keep, drop, quarantine, fail) and counts.
 *
 * <p>Each predicate is first planned on its own, so that an error points at the line and column
 * of the constraint that has it.
 */
final class ExpectationStage {
  private static final AtomicInteger VIEWS = new AtomicInteger();

  /** The dataset's rows with the predicate columns, and what the operator needs. */
  record Checked(Table table, ExpectationSet set) {}

  private ExpectationStage() {}

  /** Empty (with problems) if a predicate is invalid; empty without problems if none is declared. */
  static Optional<Checked> plan(TranslationContext ctx, FlowEnvironment fenv, Table data, Dataset dataset,
      String flow, List<Problem> problems) {
    List<Expectation> expectations = dataset.spec().expectations();
    if (expectations.isEmpty()) {
      return Optional.empty();
    }
    String view = "__sluice_checked_" + VIEWS.incrementAndGet();
    fenv.tEnv.createTemporaryView(InputRegistry.quote(view), data);
    List<String> columns = new ArrayList<>();
    int before = problems.size();
    for (int i = 0; i < expectations.size(); i++) {
      Expectation e = expectations.get(i);
      validate(fenv, view, e, dataset, problems);
      columns.add("(" + e.predicate().text() + ") AS " + InputRegistry.quote("__sluice_check_" + i));
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    Table checked = fenv.tEnv.sqlQuery("SELECT *, " + String.join(", ", columns) + " FROM " + InputRegistry.quote(view));
    RowType dataType = TimeAttributes.plain((RowType) data.getResolvedSchema().toPhysicalRowDataType().getLogicalType());
    List<Check> checks = expectations.stream().map(e -> new Check(e.name(), e.action())).toList();
    return Optional.of(new Checked(checked, new ExpectationSet(flow, dataset.name(), ctx.updateId(), dataType, checks)));
  }

  private static void validate(FlowEnvironment fenv, String view, Expectation e, Dataset dataset,
      List<Problem> problems) {
    MappedText predicate = e.predicate();
    MappedText sql = MappedText.builder(predicate.file())
        .insert("SELECT (", predicate.originOf(0))
        .append(predicate, 0, predicate.length())
        .insert(") FROM " + InputRegistry.quote(view), predicate.originOf(predicate.length()))
        .build();
    String what = "expectation '" + e.name() + "' of '" + dataset.name() + "'";
    try {
      Table t = fenv.tEnv.sqlQuery(sql.text());
      LogicalTypeRoot root = t.getResolvedSchema().getColumnDataTypes().get(0).getLogicalType().getTypeRoot();
      if (root != LogicalTypeRoot.BOOLEAN) {
        problems.add(Problem.error(ErrorCode.EXPECTATION_INVALID, e.location(),
            "Cannot use " + what + ": its predicate is of type " + root + ", not BOOLEAN",
            "Write a condition such as 'amount > 0' or 'email IS NOT NULL'."));
      }
    } catch (RuntimeException ex) {
      Problem p = PlannerErrors.toProblem(ex, sql, what);
      problems.add(new Problem(ErrorCode.EXPECTATION_INVALID, p.severity(), p.location(), p.message(),
          "Expectations are Flink SQL conditions over the dataset's columns: " + p.action(), p.params()));
    }
  }
}
