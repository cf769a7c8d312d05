package io.sluice.runtime.exec;

import io.sluice.core.model.Flow;
import io.sluice.core.model.QueryFlow;
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
import java.util.stream.Collectors;

/** Runs one flow in an update according to its kind, and records what it did. */
final class FlowExecution {
  /** Flink's planner is not shared between threads: translations take turns. */
  private static final Object TRANSLATION = new Object();

  private final TranslationContext ctx;
  private final FlowJobRunner runner;
  private final FlowStateStore states;

  FlowExecution(TranslationContext ctx, FlowJobRunner runner, FlowStateStore states) {
    this.ctx = ctx;
    this.runner = runner;
    this.states = states;
  }

  FlowResult run(Flow flow) {
    Instant start = Instant.now();
    FlowKind kind = FlowKind.of(flow, ctx.graph());
    try {
      FlowState state = states.readOrFresh(flow.name());
      if (kind == FlowKind.APPEND && RestorePoint.of(state, ctx.layout(), flow.name()).isEmpty()) {
        // Checkpoint ids restart at 1 without restored state: a new lineage keeps commits apart.
        state = state.withNewLineage();
      }
      FlowPlan plan = new FlowPlan((QueryFlow) flow, kind, ctx.graph().requireDataset(flow.target()), state.lineage());
      List<Problem> problems = new ArrayList<>();
      Optional<TranslatedFlow> translated;
      synchronized (TRANSLATION) {
        translated = FlowTranslator.forKind(kind).translate(plan, ctx, problems);
      }
      if (translated.isEmpty()) {
        return failed(flow, kind, start, problems.stream().map(Problem::render).collect(Collectors.joining("; ")));
      }
      TranslatedFlow t = translated.get();
      CommittedRows committed = CommittedRows.before(ctx, plan);
      switch (kind) {
        case APPEND:
          return completed(flow, kind, start, committed.after(runner.runIncremental(t, state)), FlowStatus.COMPLETED);
        case ONCE:
          if (state.onceDone()) {
            return completed(flow, kind, start, NOTHING, FlowStatus.ALREADY_RAN);
          }
          FlowJobRunner.Outcome once = committed.after(runner.runBounded(t));
          states.write(flow.name(), state.onceCompleted(t.fingerprint()));
          return completed(flow, kind, start, once, FlowStatus.COMPLETED);
        case COMPLETE:
          Map<String, String> versions = InputVersions.of(t.inputs());
          if (state.fingerprint().equals(Optional.of(t.fingerprint())) && state.inputVersions().equals(versions)) {
            return completed(flow, kind, start, NOTHING, FlowStatus.UP_TO_DATE);
          }
          FlowJobRunner.Outcome refreshed = committed.after(runner.runBounded(t));
          states.write(flow.name(), state.refreshed(t.fingerprint(), versions));
          return completed(flow, kind, start, refreshed, FlowStatus.COMPLETED);
        default:
          throw new IllegalStateException("Unknown flow kind " + kind);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(flow, kind, start, "interrupted");
    } catch (Exception e) {
      return failed(flow, kind, start, causeChain(e));
    }
  }

  private static final FlowJobRunner.Outcome NOTHING = new FlowJobRunner.Outcome(Optional.empty(), 0, 0);

  private static FlowResult completed(Flow f, FlowKind kind, Instant start, FlowJobRunner.Outcome outcome,
      FlowStatus status) {
    return new FlowResult(f.name(), f.target(), kind, status, outcome.rowsRead(), outcome.rowsWritten(),
        Duration.between(start, Instant.now()), Optional.empty());
  }

  private static FlowResult failed(Flow f, FlowKind kind, Instant start, String error) {
    return new FlowResult(f.name(), f.target(), kind, FlowStatus.FAILED, 0, 0,
        Duration.between(start, Instant.now()), Optional.of(error));
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
