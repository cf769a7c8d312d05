package io.sluice.core.graph;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.LateRows;
import io.sluice.core.model.Names;
import io.sluice.core.model.WatermarkSpec;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dataset's event time: its WATERMARK is the column itself or the column minus an interval, on
 * a declared column when columns are declared; {@code 'late.rows'} is {@code drop} or {@code
 * quarantine}, and means something only next to a WATERMARK. The column's type is checked when
 * the dataset's schema is planned.
 */
final class EventTimeRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    for (Dataset d : draft.datasets().values()) {
      d.spec().watermark().ifPresent(w -> watermark(d, w, problems));
      lateRows(d, problems);
    }
    return problems;
  }

  private static void watermark(Dataset d, WatermarkSpec w, List<Problem> problems) {
    try {
      w.delay();
    } catch (IllegalArgumentException e) {
      problems.add(GraphRule.error(ErrorCode.WATERMARK_INVALID, w.expression().start(), d.name(),
          e.getMessage(), "Write WATERMARK FOR " + w.column() + " AS " + w.column() + " - INTERVAL '5' SECOND"
              + " (any DAY, HOUR, MINUTE or SECOND interval), or AS " + w.column() + " for no delay."));
    }
    List<ColumnSpec> columns = d.spec().columns();
    boolean declared = columns.stream().anyMatch(c -> Names.normalize(c.name()).equals(Names.normalize(w.column())));
    if (!columns.isEmpty() && !declared) {
      problems.add(GraphRule.error(ErrorCode.WATERMARK_INVALID, w.location(), d.name(),
          "Cannot declare a watermark for column '" + w.column() + "' of '" + d.name() + "': it declares no such column",
          "Use one of its TIMESTAMP or TIMESTAMP_LTZ columns: "
              + String.join(", ", columns.stream().map(ColumnSpec::name).toList()) + "."));
    }
  }

  private static void lateRows(Dataset d, List<Problem> problems) {
    Optional<String> value = d.spec().property(LateRows.PROPERTY);
    if (value.isEmpty()) {
      return;
    }
    if (LateRows.parse(value.get()).isEmpty()) {
      problems.add(GraphRule.error(ErrorCode.TABLE_PROPERTY_INVALID, d.location(), d.name(),
          "Cannot use '" + LateRows.PROPERTY + "' = '" + value.get() + "' on '" + d.name()
              + "': late rows are either dropped or quarantined",
          "Write '" + LateRows.PROPERTY + "' = 'drop' (counted and dropped, the default) or 'quarantine'"
              + " (counted and written to the quarantine table)."));
    } else if (d.kind() == DatasetKind.MATERIALIZED_VIEW) {
      problems.add(Problem.warning(ErrorCode.TABLE_PROPERTY_INVALID, d.location(),
          "Cannot apply '" + LateRows.PROPERTY + "' on materialized view '" + d.name() + "': it is read as a"
              + " whole, never as a stream, so no row of it is ever late",
          "Remove the property, or make '" + d.name() + "' a streaming table."));
    } else if (d.spec().watermark().isEmpty()) {
      problems.add(Problem.warning(ErrorCode.TABLE_PROPERTY_INVALID, d.location(),
          "Cannot apply '" + LateRows.PROPERTY + "' on '" + d.name() + "': it has no WATERMARK, so no row is"
              + " ever late",
          "Declare its event time with WATERMARK FOR column AS column - INTERVAL '...' SECOND, or remove the"
              + " property."));
    }
  }
}
