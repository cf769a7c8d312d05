package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** A materialized view needs its query; a streaming table nothing writes is worth a warning. */
final class MissingQueryRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    for (Dataset d : draft.datasets().values()) {
      boolean written = draft.flows().values().stream().anyMatch(f -> f.target().equals(d.name()));
      if (d.kind() == DatasetKind.MATERIALIZED_VIEW && !written) {
        problems.add(GraphRule.error(ErrorCode.MISSING_QUERY, d.location(), d.name(),
            "Cannot define materialized view '" + d.name() + "' without a query",
            "Add AS SELECT ... to its definition."));
      } else if (d.kind() == DatasetKind.STREAMING_TABLE && !written) {
        problems.add(Problem.warning(ErrorCode.NO_FLOWS, d.location(),
            "Streaming table '" + d.name() + "' has no query and no flow writes it: it stays empty",
            "Add AS SELECT ... or CREATE FLOW ... AS INSERT INTO " + d.name() + " BY NAME SELECT ..."));
      }
    }
    return problems;
  }
}
