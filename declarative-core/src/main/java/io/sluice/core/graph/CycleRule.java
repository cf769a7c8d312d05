package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** Datasets that read each other, directly or through others. Reported once per cycle. */
final class CycleRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    for (List<String> cycle : draft.topology().cycles()) {
      Dataset first = draft.datasets().get(cycle.get(0));
      String path = String.join(" -> ", cycle);
      Problem p = GraphRule.error(ErrorCode.CYCLE, first.location(), first.name(),
          "Cannot order the pipeline: datasets read each other in a cycle " + path,
          "Break the cycle: one of " + String.join(", ", cycle.subList(0, cycle.size() - 1))
              + " must not read the others.");
      problems.add(p.withParams(java.util.Map.of(DATASET_PARAM, first.name(), "cycle", path)));
    }
    return problems;
  }
}
