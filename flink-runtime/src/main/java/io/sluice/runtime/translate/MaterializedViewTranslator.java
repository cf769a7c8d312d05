package io.sluice.runtime.translate;

import io.sluice.connectors.delta.WriteMode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.plan.FlowPlan;
import java.util.List;
import java.util.Optional;

/**
 * Flows that define a materialized view.
 *
 * <ul>
 *   <li>Bounded path ({@link FlowKind#COMPLETE}): a BATCH job over the current content of every
 *       input whose single commit atomically replaces the view's content, so readers see the old or
 *       the new result, never a mix. The runner skips the job when neither the definition nor any
 *       input changed since the last refresh.
 *   <li>Unbounded path ({@link FlowKind#CHANGELOG}, continuous runs over append-only inputs): a
 *       STREAMING job reads every input incrementally from its beginning; Flink maintains the
 *       query's result as a changelog (inserts, retractions), and the Delta sink keeps the rows in
 *       state and replaces the table's content with them at every checkpoint that changed it, in
 *       one idempotent commit.
 * </ul>
 */
final class MaterializedViewTranslator implements FlowTranslator {

  @Override
  public Optional<TranslatedFlow> translate(FlowPlan plan, TranslationContext ctx, List<Problem> problems) {
    boolean bounded = plan.kind() != FlowKind.CHANGELOG;
    FlowEnvironment fenv = FlowEnvironment.create(ctx, plan.name(), bounded);
    return FlowQuery.plan(ctx, plan, fenv, problems)
        .flatMap(q -> FlowJobs.finish(ctx, plan, fenv, q, bounded ? WriteMode.OVERWRITE : WriteMode.SNAPSHOT, problems));
  }
}
