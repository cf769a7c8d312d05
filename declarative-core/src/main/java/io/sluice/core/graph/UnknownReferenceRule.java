package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Flow;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** A query reads a dataset nobody defines. */
final class UnknownReferenceRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    for (Flow f : draft.flows().values()) {
      if (f instanceof QueryFlow q) {
        check(draft, q.query(), f.target(), "flow '" + f.name() + "'", problems);
      }
    }
    for (Dataset d : draft.datasets().values()) {
      if (d instanceof TemporaryView v) {
        check(draft, v.query(), v.name(), "view '" + v.name() + "'", problems);
      }
    }
    return problems;
  }

  private static void check(GraphDraft draft, Query query, String owner, String what, List<Problem> out) {
    for (Reference r : query.datasetReferences()) {
      if (!draft.datasets().containsKey(r.name())) {
        out.add(GraphRule.error(ErrorCode.UNKNOWN_REFERENCE, r.location(), owner,
            "Cannot resolve '" + r.name() + "' in " + what + ": no dataset of this pipeline has this name",
            Suggestions.didYouMean(r.name(), draft.datasets().keySet(), "a dataset")));
      }
    }
  }
}
