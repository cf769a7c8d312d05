package io.sluice.runtime.exec;

import io.sluice.core.model.Flow;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.problem.DefinitionException;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.plan.FlowPlan;
import io.sluice.runtime.state.FlowState;
import io.sluice.runtime.state.FlowStateStore;
import io.sluice.runtime.translate.FlowTranslator;
import io.sluice.runtime.translate.TranslatedFlow;
import io.sluice.runtime.translate.TranslationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one flow in an update according to its kind, and records what it did. */
final class FlowExecution {
  /** Flink's planner is not shared between threads: translations take turns. */
  static final Object TRANSLATION = new Object();

  private final TranslationContext ctx;
  private final FlowJobRunner runner;
  private final FlowStateStore states;
  private final UpdateListener listener;

  FlowExecution(TranslationContext ctx, FlowJobRunner runner, FlowStateStore states, UpdateListener listener) {
    this.ctx = ctx;
    this.runner = runner;
    this.states = states;
    this.listener = listener;
  }

  FlowResult run(Flow flow) {
    Instant start = Instant.now();
    FlowKind kind = FlowKind.of(flow, ctx.graph());
    try {
      Translation tr = translate(flow, kind);
      FlowState state = tr.state();
      FlowPlan plan = tr.flow().plan();
      TranslatedFlow t = tr.flow();
      CommittedRows committed = CommittedRows.before(ctx, plan);
      switch (kind) {
        case APPEND:
        case CHANGE: {
          boolean publishesEachCheckpoint = io.sluice.runtime.sink.SinkTargets.commitsEachCheckpoint(plan.target())
              || ctx.formatOf(plan.target()) == io.sluice.core.model.TableFormat.ICEBERG;
          FlowJobRunner.Outcome appended = committed.after(runner.runIncremental(t, state, publishesEachCheckpoint));
          List<DatasetQuality> quality = Quality.perUpdate(t.expectations(), appended.accumulators(),
              state.qualityBaseline());
          FlowState after = states.readOrFresh(flow.name());
          states.write(flow.name(), after.withQualityBaseline(Quality.cumulative(t.expectations(),
              appended.accumulators())));
          return completed(flow, kind, start, appended, FlowStatus.COMPLETED, quality);
        }
        case ONCE:
          if (state.onceDone()) {
            return completed(flow, kind, start, NOTHING, FlowStatus.ALREADY_RAN, List.of());
          }
          FlowJobRunner.Outcome once = committed.after(runner.runBounded(t));
          states.write(flow.name(), state.onceCompleted(t.fingerprint()));
          return completed(flow, kind, start, once, FlowStatus.COMPLETED,
              Quality.perUpdate(t.expectations(), once.accumulators(), Map.of()));
        case COMPLETE:
          Map<String, String> versions = InputVersions.of(t.inputs());
          Optional<String> change = RefreshReason.of(state, t.fingerprint(), versions);
          if (change.isEmpty()) {
            listener.planning(flow.name(), flow.target(), "NO_OP", "neither the definition nor any input changed");
            return completed(flow, kind, start, NOTHING, FlowStatus.UP_TO_DATE, List.of());
          }
          listener.planning(flow.name(), flow.target(), "COMPLETE_RECOMPUTE", change.get()
              + "; views are recomputed in full in this version");
          FlowJobRunner.Outcome refreshed = committed.after(runner.runBounded(t));
          states.write(flow.name(), state.refreshed(t.fingerprint(), versions));
          return completed(flow, kind, start, refreshed, FlowStatus.COMPLETED,
              Quality.perUpdate(t.expectations(), refreshed.accumulators(), Map.of()));
        default:
          throw new IllegalStateException("Unknown flow kind " + kind);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(flow, kind, start, e);
    } catch (Exception e) {
      return failed(flow, kind, start, e);
    }
  }

  /**
   * A flow ready to run: its state in this update, its job, and for a streaming flow the savepoint
   * or checkpoint it resumes from.
   */
  record Translation(FlowState state, TranslatedFlow flow, Optional<String> restore) {}

  /**
   * Translates a flow for this update. A streaming flow that starts without state gets a new
   * lineage: checkpoint ids restart at 1 then, and the lineage keeps its commits apart. A view
   * maintained from its changelog whose definition changed starts without state too (its result
   * is rebuilt from the inputs), where a streaming table keeps its state.
   */
  Translation translate(Flow flow, FlowKind kind) throws DefinitionException {
    FlowState state = states.readOrFresh(flow.name());
    Optional<String> restore = kind.bounded() ? Optional.empty() : runner.restorePoint(state, flow.name());
    if (!kind.bounded() && restore.isEmpty()) {
      state = state.withNewLineage();
    }
    TranslatedFlow t = translate(flow, kind, state);
    if (kind == FlowKind.CHANGELOG && restore.isPresent()
        && state.fingerprint().filter(f -> !f.equals(t.fingerprint())).isPresent()) {
      FlowState fresh = state.withNewLineage();
      return new Translation(fresh, translate(flow, kind, fresh), Optional.empty());
    }
    return new Translation(state, t, restore);
  }

  private TranslatedFlow translate(Flow flow, FlowKind kind, FlowState state) {
    FlowPlan plan = new FlowPlan((QueryFlow) flow, kind, ctx.graph().requireDataset(flow.target()), state.lineage());
    List<Problem> problems = new ArrayList<>();
    Optional<TranslatedFlow> translated;
    synchronized (TRANSLATION) {
      translated = FlowTranslator.forKind(kind).translate(plan, ctx, problems);
    }
    if (translated.isEmpty()) {
      throw new DefinitionException(problems);
    }
    return translated.get();
  }

  private static final FlowJobRunner.Outcome NOTHING = new FlowJobRunner.Outcome(Optional.empty(), 0, 0, Map.of());

  private static FlowResult completed(Flow f, FlowKind kind, Instant start, FlowJobRunner.Outcome outcome,
      FlowStatus status, List<DatasetQuality> quality) {
    return new FlowResult(f.name(), f.target(), kind, status, outcome.rowsRead(), outcome.rowsWritten(),
        Duration.between(start, Instant.now()), quality, Optional.empty(),
        FlowResult.ChangeCounts.of(outcome.accumulators()));
  }

  private static FlowResult failed(Flow f, FlowKind kind, Instant start, Throwable error) {
    return new FlowResult(f.name(), f.target(), kind, FlowStatus.FAILED, 0, 0,
        Duration.between(start, Instant.now()), List.of(), Optional.of(error));
  }

  /** "message: cause: root cause", without repeats. */
  static String causeChain(Throwable e) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (parts.stream().noneMatch(p -> p.contains(m))) {
        parts.add(m);
      }
    }
    return String.join(": caused by: ", parts);
  }
}
