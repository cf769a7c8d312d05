package io.sluice.runtime.exec;

import io.sluice.core.problem.Problem;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of one update.
 *
 * @param problems definition problems (an update with errors runs no flow)
 * @param stopped a continuous update that was stopped (it ends CANCELED unless a flow failed)
 */
public record UpdateResult(
    String updateId, List<FlowResult> flows, List<Problem> problems, Duration duration, boolean stopped) {

  public UpdateResult {
    flows = List.copyOf(flows);
    problems = List.copyOf(problems);
  }

  public boolean succeeded() {
    return problems.stream().noneMatch(Problem::isError) && flows.stream().noneMatch(FlowResult::failed);
  }

  public String state() {
    if (!succeeded()) {
      return "FAILED";
    }
    return stopped ? "CANCELED" : "COMPLETED";
  }
}
