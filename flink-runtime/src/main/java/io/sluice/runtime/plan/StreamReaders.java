package io.sluice.runtime.plan;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Flow;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Flows that read a dataset incrementally (with STREAM(), directly or through temporary views).
 * When a dataset is fully refreshed, its table is rewritten; such readers must be refreshed with
 * it, or they would fail on the rewrite (or, worse, read everything twice).
 */
final class StreamReaders {
  private StreamReaders() {}

  static void check(PipelineGraph graph, Set<String> reset, List<Problem> problems) {
    for (String refreshed : reset) {
      for (Flow f : graph.flows().values()) {
        if (!reset.contains(f.target()) && reads(graph, f, refreshed)) {
          problems.add(Problem.error(ErrorCode.FULL_REFRESH_NOT_ALLOWED, SourceLocation.of("<command line>", 0, 0),
              "Cannot fully refresh '" + refreshed + "' without '" + f.target() + "': flow '" + f.name()
                  + "' reads it with STREAM() and would fail on the rewritten table",
              "Refresh them together: --full-refresh " + refreshed + "," + f.target()
                  + " (or --full-refresh-all)."));
        }
      }
    }
  }

  static boolean reads(PipelineGraph graph, Flow flow, String dataset) {
    if (!(flow instanceof QueryFlow q)) {
      return false;
    }
    List<Query> queries = new ArrayList<>();
    queries.add(q.query());
    Set<String> direct = new LinkedHashSet<>();
    q.query().datasetReferences().forEach(r -> direct.add(r.name()));
    for (TemporaryView v : graph.viewsReadBy(direct)) {
      queries.add(v.query());
    }
    for (Query query : queries) {
      for (Reference r : query.datasetReferences()) {
        if (r.streaming() && r.name().equals(dataset)) {
          return true;
        }
      }
    }
    return false;
  }
}
