package io.sluice.runtime.exec;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Flow;
import io.sluice.core.problem.Problem;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.events.EventLog;
import io.sluice.runtime.plan.PipelinePlanner;
import io.sluice.runtime.plan.RefreshSelection;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.sink.TableSetup;
import io.sluice.runtime.state.FlowStateStore;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.Phase;
import io.sluice.runtime.translate.TranslationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.types.logical.RowType;

/**
 * Runs one triggered update of a pipeline: INITIALIZING (plan every flow, report every problem),
 * SETTING_UP_TABLES (create tables, apply full refreshes), RUNNING (flows as their inputs become
 * ready, each as its own job), then COMPLETED or FAILED.
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
    UpdateListener listener = UpdateListener.both(this.listener, EventLog.of(spec));
    Instant start = Instant.now();
    String updateId = UUID.randomUUID().toString();
    listener.updateCreated(updateId, options);
    listener.updateState(updateId, "INITIALIZING");
    List<Problem> problems = new ArrayList<>(loadProblems);
    RefreshSelection selection = RefreshSelection.resolve(graph, options, problems);
    PipelinePlanner.PlannedPipeline planned =
        PipelinePlanner.plan(spec, graph, Phase.SETUP, flinkConfig, problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      return finish(listener, updateId, List.of(), problems, start);
    }
    planned.flows().values().forEach(listener::flowDefined);
    listener.updateState(updateId, "SETTING_UP_TABLES");
    TranslationContext ctx = new TranslationContext(spec, graph, Phase.RUN, updateId, flinkConfig);
    planned.schemas().forEach(ctx::recordSchema);
    FlowStateStore states = new FlowStateStore(ctx.layout());
    for (String name : selection.update()) {
      Dataset d = graph.requireDataset(name);
      if (selection.reset().contains(name)) {
        graph.flowsInto(name).forEach(f -> resetFlow(ctx.layout(), states, f));
      }
      RowType schema = planned.schemas().get(name);
      if (schema != null) {
        TableSetup.prepare(ctx, d, schema, selection.reset().contains(name), problems);
      }
    }
    for (Dataset d : graph.datasets().values()) {
      java.util.Optional<String> quarantine = io.sluice.core.model.Quarantine.tableOf(d);
      RowType qschema = quarantine.map(q -> planned.schemas().get(q)).orElse(null);
      if (qschema != null && (!d.kind().isPersisted() || selection.update().contains(d.name()))) {
        TableSetup.prepareQuarantine(ctx, d, quarantine.get(), qschema, selection.reset().contains(d.name()), problems);
      }
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      return finish(listener, updateId, List.of(), problems, start);
    }
    TablePublisher.publish(ctx, planned.schemas().keySet());
    listener.updateState(updateId, "RUNNING");
    List<FlowResult> results = new FlowScheduler(ctx, cluster, states, listener)
        .runAll(graph.flowsInOrder(), selection, parallelism(ctx));
    FlowJobRunner.deleteTree(ctx.layout().update(updateId));
    return finish(listener, updateId, results, problems, start);
  }

  private static UpdateResult finish(UpdateListener listener, String updateId, List<FlowResult> flows,
      List<Problem> problems, Instant start) {
    listener.problems(problems);
    UpdateResult result = new UpdateResult(updateId, flows, problems, Duration.between(start, Instant.now()));
    listener.updateState(updateId, result.state());
    listener.updateFinished(result);
    return result;
  }

  /** Forgets a flow's progress and state: the next run reads its inputs from the beginning. */
  private static void resetFlow(StorageLayout layout, FlowStateStore states, Flow flow) {
    FlowJobRunner.deleteTree(layout.flow(flow.name()));
    states.reset(flow.name());
  }

  private int parallelism(TranslationContext ctx) {
    int perJob = ctx.flinkConfig().get(org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM);
    return Math.max(1, Math.min(4, cluster.slots() / Math.max(1, perJob)));
  }
}
