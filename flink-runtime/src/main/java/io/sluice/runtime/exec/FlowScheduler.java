package io.sluice.runtime.exec;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Flow;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.plan.RefreshSelection;
import io.sluice.runtime.state.FlowStateStore;
import io.sluice.runtime.translate.TranslationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts each flow as soon as every flow writing one of its upstream datasets has finished, up to
 * a number of flows at a time. A failed flow does not stop the others: flows that do not depend on
 * it still run, flows downstream of it are SKIPPED.
 */
final class FlowScheduler {
  private final TranslationContext ctx;
  private final FlowExecution execution;
  private final UpdateListener listener;

  FlowScheduler(TranslationContext ctx, FlinkCluster cluster, FlowStateStore states, UpdateListener listener,
      RestorePolicy restore) {
    this.ctx = ctx;
    this.execution = new FlowExecution(ctx, new FlowJobRunner(cluster, ctx.layout(), states, restore), states, listener);
    this.listener = listener;
  }

  List<FlowResult> runAll(List<Flow> flows, RefreshSelection selection, int concurrency) {
    PipelineGraph graph = ctx.graph();
    Map<String, FlowResult> done = new LinkedHashMap<>();
    List<Flow> pending = new ArrayList<>(flows);
    Set<String> running = new LinkedHashSet<>();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "sluice-flow");
      t.setDaemon(true);
      return t;
    });
    CompletionService<FlowResult> completions = new ExecutorCompletionService<>(pool);
    try {
      while (!pending.isEmpty() || !running.isEmpty()) {
        for (Flow f : List.copyOf(pending)) {
          Optional<FlowResult> blocked = blocked(f, selection, done);
          if (blocked.isPresent()) {
            pending.remove(f);
            done.put(f.name(), blocked.get());
            listener.flowFinished(blocked.get());
          } else if (ready(f, done) && running.size() < concurrency) {
            pending.remove(f);
            running.add(f.name());
            listener.flowStarted(f.name(), f.target(), FlowKind.of(f, graph).name());
            completions.submit(() -> execution.run(f));
          }
        }
        if (!running.isEmpty()) {
          FlowResult r = completions.take().get();
          running.remove(r.flow());
          done.put(r.flow(), r);
          listener.flowFinished(r);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("A flow ended unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return List.copyOf(done.values());
  }

  /**
   * A result decided without running: EXCLUDED when the target is not selected, SKIPPED when an
   * upstream flow failed or was skipped. Empty when the flow should run (now or later).
   */
  private Optional<FlowResult> blocked(Flow f, RefreshSelection selection, Map<String, FlowResult> done) {
    FlowKind kind = FlowKind.of(f, ctx.graph());
    if (!selection.update().contains(f.target())) {
      return Optional.of(FlowResult.of(f.name(), f.target(), kind, FlowStatus.EXCLUDED));
    }
    for (Flow up : upstreamFlows(f)) {
      FlowResult r = done.get(up.name());
      if (r != null && (r.status() == FlowStatus.FAILED || r.status() == FlowStatus.SKIPPED)) {
        return Optional.of(new FlowResult(f.name(), f.target(), kind, FlowStatus.SKIPPED, 0, 0,
            java.time.Duration.ZERO, List.of(), Optional.of(new UpstreamFailure(up.name(), r.status()))));
      }
    }
    return Optional.empty();
  }

  private boolean ready(Flow f, Map<String, FlowResult> done) {
    for (Flow up : upstreamFlows(f)) {
      if (!done.containsKey(up.name())) {
        return false;
      }
    }
    return true;
  }

  private List<Flow> upstreamFlows(Flow f) {
    List<Flow> result = new ArrayList<>();
    for (String d : ctx.graph().upstreamOf(f.target())) {
      result.addAll(ctx.graph().flowsInto(d));
    }
    return result;
  }
}
