package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Expectation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Expectation names identify metrics, so they are unique per dataset. */
final class DuplicateExpectationRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    for (Dataset d : draft.datasets().values()) {
      Set<String> seen = new HashSet<>();
      for (Expectation e : d.spec().expectations()) {
        if (!seen.add(e.name())) {
          problems.add(GraphRule.error(ErrorCode.DUPLICATE_EXPECTATION, e.location(), d.name(),
              "Cannot define expectation '" + e.name() + "' twice on '" + d.name() + "'",
              "Give each expectation of a dataset its own name."));
        }
      }
    }
    return problems;
  }
}
