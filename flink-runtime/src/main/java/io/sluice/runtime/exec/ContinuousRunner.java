package io.sluice.runtime.exec;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Flow;
import io.sluice.core.problem.Problem;
import io.sluice.core.spec.ExecutionMode;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.plan.RunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;

/**
 * Runs a pipeline continuously until it is asked to stop: INITIALIZING, SETTING_UP_TABLES (see
 * {@link UpdateStart}), then RUNNING with every streaming flow's job started at once (after the
 * {@code INSERT INTO ONCE} backfills). Materialized views over append-only inputs are maintained
 * by streaming jobs too ({@link FlowKind#CHANGELOG}); the others are recomputed whenever an input
 * changed ({@link ViewRefresher}), for the reason {@link ViewMaintenance} gives.
 * Every completed checkpoint publishes data and is reported as progress.
 *
 * <p>Stopping ({@link StopSignal}) stops every job with a savepoint: the update ends CANCELED and
 * the next run resumes from the savepoints. A flow whose job fails for good (development mode
 * does not restart jobs; production mode restarts them from the last checkpoint without limit, so
 * only failures that no restart can cure, like an expectation that fails the update) stops the
 * others the same way and the update ends FAILED.
 */
public final class ContinuousRunner {
  static final long POLL_MILLIS = 1000;
  static final Duration STOP_DEADLINE = Duration.ofMinutes(2);

  private final FlinkCluster cluster;
  private final UpdateListener listener;
  private final Configuration flinkConfig;

  public ContinuousRunner(FlinkCluster cluster, UpdateListener listener, Configuration flinkConfig) {
    this.cluster = cluster;
    this.listener = listener;
    this.flinkConfig = flinkConfig;
  }

  public UpdateResult run(PipelineSpec spec, PipelineGraph graph, List<Problem> loadProblems, RunOptions options,
      StopSignal stop) {
    if (spec.mode() != ExecutionMode.CONTINUOUS) {
      throw new IllegalArgumentException("ContinuousRunner runs pipelines in continuous mode; got " + spec.mode());
    }
    stop.clear();
    UpdateStart u = UpdateStart.begin(spec, graph, loadProblems, options, flinkConfig, listener);
    if (u.failed()) {
      return u.finish(List.of(), false);
    }
    try (ActiveRun active = ActiveRun.record(u.ctx.layout(), u.updateId)) {
      u.listener.updateState(u.updateId, "RUNNING");
      List<FlowResult> results = new Flows(u, new RestorePolicy(options)).run(stop);
      return u.finish(results, stop.requested());
    } finally {
      stop.clear();
    }
  }

  /** The flows of one continuous update. */
  private final class Flows {
    private final UpdateStart u;
    private final FlowJobRunner runner;
    private final FlowExecution execution;
    private final Map<String, FlowResult> results = new LinkedHashMap<>();
    private final List<StreamingFlow> running = new ArrayList<>();
    private final List<Flow> views = new ArrayList<>();

    Flows(UpdateStart u, RestorePolicy restore) {
      this.u = u;
      this.runner = new FlowJobRunner(cluster, u.ctx.layout(), u.states, restore);
      this.execution = new FlowExecution(u.ctx, runner, u.states, u.listener);
    }

    List<FlowResult> run(StopSignal stop) {
      PipelineGraph graph = u.ctx.graph();
      for (Flow f : graph.flowsInOrder()) {
        FlowKind kind = FlowKind.of(f, graph);
        if (!u.selection.update().contains(f.target())) {
          finished(FlowResult.of(f.name(), f.target(), kind, FlowStatus.EXCLUDED));
        } else if (kind == FlowKind.ONCE) {
          u.listener.flowStarted(f.name(), f.target(), kind.name());
          finished(execution.run(f));
        }
      }
      for (Flow f : graph.flowsInOrder()) {
        FlowKind kind = FlowKind.of(f, graph);
        if (!u.selection.update().contains(f.target()) || failed()) {
          continue;
        }
        if (kind == FlowKind.APPEND || kind == FlowKind.CHANGE) {
          start(f, kind);
        } else if (kind == FlowKind.COMPLETE) {
          Optional<String> recomputed = ViewMaintenance.whyRecomputed(f, u.ctx);
          if (recomputed.isPresent()) {
            u.listener.planning(f.name(), f.target(), "COMPLETE_RECOMPUTE",
                recomputed.get() + "; recomputed in full when an input changed");
            views.add(f);
          } else {
            u.listener.planning(f.name(), f.target(), "INCREMENTAL",
                "maintained from its query's changelog over append-only inputs");
            start(f, FlowKind.CHANGELOG);
          }
        }
      }
      ViewRefresher refresher = new ViewRefresher(
          new FlowExecution(u.ctx, runner, u.states, UpdateListener.withoutNoOpPlanning(u.listener)), views,
          u.ctx.spec().checkpoints().intervalFor(ExecutionMode.CONTINUOUS));
      try {
        watch(stop, refresher);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stopAll();
      refresher.close().forEach(this::finished);
      return List.copyOf(results.values());
    }

    private void start(Flow f, FlowKind kind) {
      try {
        FlowExecution.Translation t = execution.translate(f, kind);
        CommittedRows committed = CommittedRows.before(u.ctx, t.flow().plan());
        running.add(StreamingFlow.start(t, committed, cluster, runner, u.states, u.listener));
      } catch (Exception e) {
        finished(new FlowResult(f.name(), f.target(), kind, FlowStatus.FAILED, 0, 0, Duration.ZERO,
            List.of(), Optional.of(e)));
      }
    }

    /** Until a stop is asked for, a flow fails, or nothing is left running. */
    private void watch(StopSignal stop, ViewRefresher refresher) throws InterruptedException {
      while (!failed() && (!running.isEmpty() || refresher.hasViews())) {
        for (StreamingFlow f : List.copyOf(running)) {
          Optional<FlowResult> ended;
          try {
            ended = f.poll();
          } catch (Exception e) {
            ended = Optional.empty();
            org.slf4j.LoggerFactory.getLogger(ContinuousRunner.class).warn("Cannot poll flow {}", f.name(), e);
          }
          if (ended.isPresent()) {
            running.remove(f);
            finished(ended.get());
          }
        }
        refresher.poll().ifPresent(this::finished);
        if (stop.await(POLL_MILLIS)) {
          return;
        }
      }
    }

    /** Stops the flows still running, all at once: each stop waits for a savepoint. */
    private void stopAll() {
      List<Thread> threads = new ArrayList<>();
      for (StreamingFlow f : running) {
        Thread t = new Thread(() -> {
          FlowResult r;
          try {
            r = f.stop(STOP_DEADLINE);
          } catch (Exception e) {
            r = new FlowResult(f.name(), f.target(), f.kind(), FlowStatus.FAILED, 0, 0, Duration.ZERO,
                List.of(), Optional.of(e));
          }
          synchronized (this) {
            finished(r);
          }
        }, "sluice-stop-" + f.name());
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      running.clear();
    }

    private synchronized void finished(FlowResult r) {
      results.put(r.flow(), r);
      u.listener.flowFinished(r);
    }

    private synchronized boolean failed() {
      return results.values().stream().anyMatch(FlowResult::failed);
    }
  }
}
