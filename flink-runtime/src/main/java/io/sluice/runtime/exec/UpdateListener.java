package io.sluice.runtime.exec;

import io.sluice.core.problem.Problem;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.translate.TranslatedFlow;
import java.util.List;

/**
 * Follows an update as it runs: the console printer and the event log listen here. Calls may
 * come from several threads (flows run concurrently); implementations synchronize as needed.
 */
public interface UpdateListener {

  default void updateCreated(String updateId, RunOptions options) {}

  /** QUEUED, INITIALIZING, SETTING_UP_TABLES, RUNNING, COMPLETED, FAILED, CANCELED. */
  default void updateState(String updateId, String state) {}

  default void problems(List<Problem> problems) {}

  /** A flow as planned for this update: inputs, output, kind and schema. */
  default void flowDefined(TranslatedFlow flow) {}

  default void flowStarted(String flow, String target, String kind) {}

  /** How a materialized view's flow is refreshed, and why. */
  default void planning(String flow, String dataset, String technique, String reason) {}

  /**
   * How a running continuous flow is doing, about once a second; {@code checkpointed} when a
   * checkpoint completed (and so published data) since the last call.
   */
  default void flowProgress(FlowProgress progress, boolean checkpointed) {}

  /** A continuous flow's job failed and restarts from its last checkpoint. */
  default void flowRestarting(String flow, String target, Throwable error) {}

  default void flowFinished(FlowResult result) {}

  default void updateFinished(UpdateResult result) {}

  UpdateListener NONE = new UpdateListener() {};

  /** The listener without the "nothing changed" planning reports (repeated by continuous refreshes). */
  static UpdateListener withoutNoOpPlanning(UpdateListener inner) {
    return new UpdateListener() {
      @Override
      public void planning(String flow, String dataset, String technique, String reason) {
        if (!technique.equals("NO_OP")) {
          inner.planning(flow, dataset, technique, reason);
        }
      }

      @Override
      public void flowFinished(FlowResult result) {
        inner.flowFinished(result);
      }
    };
  }

  /** Both listeners, in order. */
  static UpdateListener both(UpdateListener first, UpdateListener second) {
    return new UpdateListener() {
      @Override
      public void updateCreated(String updateId, RunOptions options) {
        first.updateCreated(updateId, options);
        second.updateCreated(updateId, options);
      }

      @Override
      public void updateState(String updateId, String state) {
        first.updateState(updateId, state);
        second.updateState(updateId, state);
      }

      @Override
      public void problems(List<Problem> problems) {
        first.problems(problems);
        second.problems(problems);
      }

      @Override
      public void flowDefined(TranslatedFlow flow) {
        first.flowDefined(flow);
        second.flowDefined(flow);
      }

      @Override
      public void flowStarted(String flow, String target, String kind) {
        first.flowStarted(flow, target, kind);
        second.flowStarted(flow, target, kind);
      }

      @Override
      public void planning(String flow, String dataset, String technique, String reason) {
        first.planning(flow, dataset, technique, reason);
        second.planning(flow, dataset, technique, reason);
      }

      @Override
      public void flowProgress(FlowProgress progress, boolean checkpointed) {
        first.flowProgress(progress, checkpointed);
        second.flowProgress(progress, checkpointed);
      }

      @Override
      public void flowRestarting(String flow, String target, Throwable error) {
        first.flowRestarting(flow, target, error);
        second.flowRestarting(flow, target, error);
      }

      @Override
      public void flowFinished(FlowResult result) {
        first.flowFinished(result);
        second.flowFinished(result);
      }

      @Override
      public void updateFinished(UpdateResult result) {
        first.updateFinished(result);
        second.updateFinished(result);
      }
    };
  }
}
