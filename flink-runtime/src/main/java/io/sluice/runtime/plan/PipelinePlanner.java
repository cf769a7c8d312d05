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
      if (!(f instanceof QueryFlow q) || graph.invalid().contains(f.target())) {
        continue;
      }
      if (!graph.isRunnable(f.target())) {
        found.add(notChecked(f, graph, ctx));
        continue;
      }
      java.util.Optional<Problem> sinkProblem =
          graph.requireDataset(f.target()) instanceof io.sluice.core.model.Sink sink
              ? io.sluice.runtime.sink.SinkTargets.problem(sink, spec, ctx.layout())
              : java.util.Optional.empty();
      if (sinkProblem.isPresent()) {
        found.add(sinkProblem.get());
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

  /** A warning for a flow that reads a dataset with errors (in its definition or its query). */
  private static Problem notChecked(Flow f, PipelineGraph graph, TranslationContext ctx) {
    List<String> broken = graph.inputsOf(f.target()).stream()
        .filter(u -> !graph.isRunnable(u) || graph.invalid().contains(u)
            || (ctx.schema(u).isEmpty() && !graph.flowsInto(u).isEmpty()))
        .sorted().toList();
    return Problem.warning(io.sluice.core.problem.ErrorCode.UPSTREAM_INVALID, f.location(),
        "Cannot check flow '" + f.name() + "': its input " + String.join(", ", broken) + " has errors",
        "Fix the errors reported for " + String.join(", ", broken) + " first.");
  }

  /** The schemas of the datasets and the flows that could be planned. */
  public record PlannedPipeline(Map<String, RowType> schemas, Map<String, TranslatedFlow> flows) {}
}
