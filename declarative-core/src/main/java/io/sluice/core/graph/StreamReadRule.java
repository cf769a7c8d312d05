package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.Flow;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a query may read: never a sink, and not a materialized view with STREAM(), because an
 * append-only consumer cannot apply the updates and deletes of a recomputed view.
 */
final class StreamReadRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    for (Flow f : draft.flows().values()) {
      if (f instanceof QueryFlow q) {
        check(draft, q.query(), f.target(), problems);
      }
    }
    for (Dataset d : draft.datasets().values()) {
      if (d instanceof TemporaryView v) {
        check(draft, v.query(), v.name(), problems);
      }
    }
    return problems;
  }

  private static void check(GraphDraft draft, Query query, String owner, List<Problem> out) {
    for (Reference r : query.datasetReferences()) {
      Dataset read = draft.datasets().get(r.name());
      if (read == null) {
        continue;
      }
      if (read.kind() == DatasetKind.SINK) {
        out.add(GraphRule.error(ErrorCode.FLOW_TARGET_NOT_WRITABLE, r.location(), owner,
            "Cannot read sink '" + r.name() + "': a sink is an external target, not a dataset to query",
            "Read the table the sink writes to by its path, or write to a streaming table instead."));
      } else if (r.streaming() && read.kind() == DatasetKind.MATERIALIZED_VIEW) {
        out.add(GraphRule.error(ErrorCode.STREAM_OF_MATERIALIZED_VIEW, r.location(), owner,
            "Cannot read materialized view '" + r.name() + "' with STREAM(): a materialized view is "
                + "recomputed, so its rows can change or disappear, and an append-only reader cannot "
                + "apply updates and deletes",
            "Read it without STREAM() (as a whole), or make '" + r.name() + "' a streaming table."));
      }
    }
  }
}
