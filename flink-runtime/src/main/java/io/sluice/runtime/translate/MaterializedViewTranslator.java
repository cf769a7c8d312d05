package io.sluice.runtime.translate;

import io.sluice.connectors.delta.WriteMode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.plan.FlowPlan;
import java.util.List;
import java.util.Optional;

/**
 * Flows that define a materialized view.
 *
 * <p>Bounded path (the only one in this version): a BATCH job over the current content of every
 * input whose single commit atomically replaces the view's content, so readers see the old or the
 * new result, never a mix. The runner skips the job when neither the definition nor any input
 * changed since the last refresh. An unbounded path (maintaining the view incrementally from
 * Flink's changelog) belongs to continuous mode.
 */
final class MaterializedViewTranslator implements FlowTranslator {

  @Override
  public Optional<TranslatedFlow> translate(FlowPlan plan, TranslationContext ctx, List<Problem> problems) {
    FlowEnvironment fenv = FlowEnvironment.create(ctx, plan.name(), true);
    return FlowQuery.plan(ctx, plan, fenv, problems)
        .flatMap(q -> FlowJobs.finish(ctx, plan, fenv, q, WriteMode.OVERWRITE, problems));
  }
}
