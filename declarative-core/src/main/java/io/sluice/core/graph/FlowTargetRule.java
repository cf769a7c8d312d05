package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.Flow;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** Explicit flows write only into declared streaming tables and sinks. */
final class FlowTargetRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    for (Flow f : draft.flows().values()) {
      if (f.implicit()) {
        continue;
      }
      Dataset target = draft.datasets().get(f.target());
      if (target == null) {
        problems.add(GraphRule.error(ErrorCode.FLOW_TARGET_UNDECLARED, f.location(), f.target(),
            "Cannot write flow '" + f.name() + "' into '" + f.target() + "': no dataset has this name",
            Suggestions.closest(f.target(), draft.datasets().keySet())
                .map(s -> "Did you mean '" + s + "'? Otherwise declare it: CREATE STREAMING TABLE " + f.target() + ";")
                .orElse("Declare the target first: CREATE STREAMING TABLE " + f.target() + ";")));
      } else if (target.kind() != DatasetKind.STREAMING_TABLE && target.kind() != DatasetKind.SINK) {
        problems.add(GraphRule.error(ErrorCode.FLOW_TARGET_NOT_WRITABLE, f.location(), f.target(),
            "Cannot write flow '" + f.name() + "' into " + target.kind().label() + " '" + target.name()
                + "': only streaming tables and sinks accept flows",
            "Declare '" + target.name() + "' as a streaming table, or put this query into its definition."));
      }
    }
    return problems;
  }
}
