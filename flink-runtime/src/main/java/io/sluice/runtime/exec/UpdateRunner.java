package io.sluice.runtime.exec;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.problem.Problem;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.plan.RunOptions;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * Runs one triggered update of a pipeline: INITIALIZING, SETTING_UP_TABLES (see {@link
 * UpdateStart}), RUNNING (flows as their inputs become ready, each as its own job), then COMPLETED
 * or FAILED.
 */
public final class UpdateRunner {
  private final FlinkCluster cluster;
  private final UpdateListener listener;
  private final Configuration flinkConfig;

  public UpdateRunner(FlinkCluster cluster, UpdateListener listener, Configuration flinkConfig) {
    this.cluster = cluster;
    this.listener = listener;
    this.flinkConfig = flinkConfig;
  }

  public UpdateResult run(PipelineSpec spec, PipelineGraph graph, List<Problem> loadProblems, RunOptions options) {
    UpdateStart u = UpdateStart.begin(spec, graph, loadProblems, options, flinkConfig, listener);
    if (u.failed()) {
      return u.finish(List.of(), false);
    }
    u.listener.updateState(u.updateId, "RUNNING");
    List<FlowResult> results = new FlowScheduler(u.ctx, cluster, u.states, u.listener, new RestorePolicy(options))
        .runAll(graph.flowsInOrder(), u.selection, u.concurrency(cluster));
    return u.finish(results, false);
  }
}
