package io.sluice.runtime.translate;

import io.sluice.connectors.delta.WriteMode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.plan.FlowPlan;
import java.util.List;
import java.util.Optional;

/**
 * Flows that append to a streaming table.
 *
 * <ul>
 *   <li>Unbounded path ({@link FlowKind#APPEND}): a STREAMING job whose sources read incrementally
 *       and whose sink commits on checkpoints; a triggered run stops it with a savepoint once the
 *       sources have caught up, the next run resumes from there;
 *   <li>bounded path ({@link FlowKind#ONCE}): a BATCH job over everything the inputs hold now,
 *       committed once at its end.
 * </ul>
 */
final class AppendFlowTranslator implements FlowTranslator {

  @Override
  public Optional<TranslatedFlow> translate(FlowPlan plan, TranslationContext ctx, List<Problem> problems) {
    boolean bounded = plan.kind() == FlowKind.ONCE;
    FlowEnvironment fenv = FlowEnvironment.create(ctx, plan.name(), bounded);
    return FlowQuery.plan(ctx, plan, fenv, problems)
        .flatMap(q -> FlowJobs.finish(ctx, plan, fenv, q, WriteMode.APPEND, problems));
  }
}
