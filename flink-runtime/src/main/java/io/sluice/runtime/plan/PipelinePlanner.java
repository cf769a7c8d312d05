package io.sluice.runtime.plan;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Flow;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.problem.Problem;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.translate.FlowTranslator;
import io.sluice.runtime.translate.Phase;
import io.sluice.runtime.translate.TranslatedFlow;
import io.sluice.runtime.translate.TranslationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.types.logical.RowType;

/**
 * Plans every flow of a pipeline with Flink's own planner, upstream first, without running
 * anything: this is where query errors are found (all of them, in one pass) and where each
 * dataset's schema is learned.
 */
public final class PipelinePlanner {
  private PipelinePlanner() {}

  /**
   * @param problems receives every problem found; flows that read a dataset with problems are not
   *     planned
   */
  public static PlannedPipeline plan(PipelineSpec spec, PipelineGraph graph, Phase phase,
      Configuration flinkConfig, List<Problem> problems) {
    TranslationContext ctx = new TranslationContext(spec, graph, phase, "plan", flinkConfig);
    Map<String, TranslatedFlow> flows = new LinkedHashMap<>();
    List<Problem> found = new ArrayList<>();
    for (Flow f : graph.flowsInOrder()) {
      if (!graph.isRunnable(f.target()) || !(f instanceof QueryFlow q)) {
        continue;
      }
      FlowPlan plan = new FlowPlan(q, FlowKind.of(f, graph), graph.requireDataset(f.target()), "plan");
      FlowTranslator.forKind(plan.kind()).translate(plan, ctx, found).ifPresent(t -> flows.put(f.name(), t));
    }
    for (Problem p : found) {
      if (!problems.contains(p)) {
        problems.add(p);
      }
    }
    return new PlannedPipeline(ctx.schemas(), flows);
  }

  /** The schemas of the datasets and the flows that could be planned. */
  public record PlannedPipeline(Map<String, RowType> schemas, Map<String, TranslatedFlow> flows) {}
}
