package io.sluice.runtime.exec;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Flow;
import io.sluice.core.model.Quarantine;
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
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.types.logical.RowType;

/**
 * The phases every update goes through before its flows run, triggered or continuous:
 * INITIALIZING (plan every flow, report every problem) and SETTING_UP_TABLES (create tables,
 * apply full refreshes, publish to the catalog). {@link #finish} ends the update.
 */
final class UpdateStart {
  final UpdateListener listener;
  final String updateId;
  final List<Problem> problems;
  final RefreshSelection selection;
  final TranslationContext ctx;
  final FlowStateStore states;
  private final Instant start = Instant.now();

  private UpdateStart(UpdateListener listener, String updateId, List<Problem> problems, RefreshSelection selection,
      TranslationContext ctx) {
    this.listener = listener;
    this.updateId = updateId;
    this.problems = problems;
    this.selection = selection;
    this.ctx = ctx;
    this.states = new FlowStateStore(ctx.layout());
  }

  static UpdateStart begin(PipelineSpec spec, PipelineGraph graph, List<Problem> loadProblems, RunOptions options,
      Configuration flinkConfig, UpdateListener outer) {
    UpdateListener listener = UpdateListener.both(outer, EventLog.of(spec));
    String updateId = UUID.randomUUID().toString();
    listener.updateCreated(updateId, options);
    listener.updateState(updateId, "INITIALIZING");
    List<Problem> problems = new ArrayList<>(loadProblems);
    RefreshSelection selection = RefreshSelection.resolve(graph, options, problems);
    PipelinePlanner.PlannedPipeline planned = PipelinePlanner.plan(spec, graph, Phase.SETUP, flinkConfig, problems);
    TranslationContext ctx = new TranslationContext(spec, graph, Phase.RUN, updateId, flinkConfig);
    UpdateStart u = new UpdateStart(listener, updateId, problems, selection, ctx);
    if (u.failed()) {
      return u;
    }
    planned.flows().values().forEach(listener::flowDefined);
    listener.updateState(updateId, "SETTING_UP_TABLES");
    planned.schemas().forEach(ctx::recordSchema);
    u.setUpTables(planned);
    if (!u.failed()) {
      TablePublisher.publish(ctx, planned.schemas().keySet());
    }
    return u;
  }

  private void setUpTables(PipelinePlanner.PlannedPipeline planned) {
    PipelineGraph graph = ctx.graph();
    for (String name : selection.update()) {
      Dataset d = graph.requireDataset(name);
      if (selection.reset().contains(name)) {
        graph.flowsInto(name).forEach(this::resetFlow);
      }
      RowType schema = planned.schemas().get(name);
      if (schema != null) {
        TableSetup.prepare(ctx, d, schema, selection.reset().contains(name), problems);
      }
    }
    for (Dataset d : graph.datasets().values()) {
      // Also when a flow recorded one without the dataset's expectations asking (AUTO CDC's NULL sequences).
      Optional<String> quarantine = Quarantine.tableOf(d).or(() -> Optional.of(Quarantine.nameOf(d)));
      RowType qschema = quarantine.map(q -> planned.schemas().get(q)).orElse(null);
      if (qschema != null && (!d.kind().isPersisted() || selection.update().contains(d.name()))) {
        TableSetup.prepareQuarantine(ctx, d, quarantine.get(), qschema, selection.reset().contains(d.name()), problems);
      }
    }
  }

  /** Forgets a flow's progress and state: the next run reads its inputs from the beginning. */
  private void resetFlow(Flow flow) {
    StorageLayout layout = ctx.layout();
    FlowJobRunner.deleteTree(layout.flow(flow.name()));
    states.reset(flow.name());
  }

  boolean failed() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** How many flows may run at once: the cluster's slots over each job's parallelism (1 to 4). */
  int concurrency(FlinkCluster cluster) {
    int perJob = ctx.flinkConfig().get(org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM);
    return Math.max(1, Math.min(4, cluster.slots() / Math.max(1, perJob)));
  }

  UpdateResult finish(List<FlowResult> flows, boolean stopped) {
    FlowJobRunner.deleteTree(ctx.layout().update(updateId));
    listener.problems(problems);
    UpdateResult result = new UpdateResult(updateId, flows, problems, Duration.between(start, Instant.now()), stopped);
    listener.updateState(updateId, result.state());
    listener.updateFinished(result);
    return result;
  }
}
