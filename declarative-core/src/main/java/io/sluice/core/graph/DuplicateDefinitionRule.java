package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Flow;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two datasets, or two flows, with one name. Implicit flows carry their dataset's name. */
final class DuplicateDefinitionRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Dataset> firstDataset = new HashMap<>();
    for (Dataset d : draft.definitions().datasets()) {
      Dataset first = firstDataset.putIfAbsent(d.name(), d);
      if (first != null) {
        problems.add(GraphRule.error(ErrorCode.DUPLICATE_DATASET, d.location(), d.name(),
            "Cannot define " + d.kind().label() + " '" + d.name() + "' twice: it is already defined as a "
                + first.kind().label() + " at " + first.location(),
            "Rename one of them or remove the duplicate."));
      }
    }
    Map<String, Flow> firstFlow = new HashMap<>();
    for (Flow f : draft.definitions().flows()) {
      Flow first = firstFlow.putIfAbsent(f.name(), f);
      if (first != null) {
        problems.add(GraphRule.error(ErrorCode.DUPLICATE_FLOW, f.location(), f.target(),
            "Cannot define flow '" + f.name() + "' twice: a flow with this name is already defined at "
                + first.location() + (first.implicit() ? " (the query of dataset '" + first.target() + "')" : ""),
            "Give the flow a different name."));
      }
    }
    return problems;
  }
}
