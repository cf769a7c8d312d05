package io.sluice.runtime.translate;

import io.sluice.core.problem.Problem;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.plan.FlowPlan;
import java.util.List;
import java.util.Optional;

/**
 * Turns one flow into a Flink job. There is one translator per kind of flow, each with a bounded
 * path (a BATCH job over what is there) and an unbounded path (a STREAMING job that reads
 * incrementally); {@link #translate} picks the path from the flow's kind.
 */
public interface FlowTranslator {

  /** Empty when the flow cannot be translated; the problems say why. */
  Optional<TranslatedFlow> translate(FlowPlan plan, TranslationContext ctx, List<Problem> problems);

  static FlowTranslator forKind(FlowKind kind) {
    switch (kind) {
      case APPEND:
      case ONCE:
        return new AppendFlowTranslator();
      case COMPLETE:
      case CHANGELOG:
        return new MaterializedViewTranslator();
      case CHANGE:
        return new ChangeFlowTranslator();
      default:
        throw new IllegalStateException("No translator for flow kind " + kind);
    }
  }
}
