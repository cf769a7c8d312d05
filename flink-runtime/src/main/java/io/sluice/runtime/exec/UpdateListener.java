package io.sluice.runtime.exec;

import io.sluice.core.problem.Problem;
import java.util.List;

/** Follows an update as it runs: the console printer and the event log listen here. */
public interface UpdateListener {

  /** QUEUED, INITIALIZING, SETTING_UP_TABLES, RUNNING, COMPLETED, FAILED, CANCELED. */
  default void updateState(String updateId, String state) {}

  default void problems(List<Problem> problems) {}

  default void flowStarted(String flow, String target, String kind) {}

  default void flowFinished(FlowResult result) {}

  default void updateFinished(UpdateResult result) {}

  UpdateListener NONE = new UpdateListener() {};
}
