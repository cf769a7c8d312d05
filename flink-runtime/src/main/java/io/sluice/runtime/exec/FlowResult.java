package io.sluice.runtime.exec;

import io.sluice.runtime.plan.FlowKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one flow did in an update.
 *
 * @param rowsRead rows the flow's sources read in this update
 * @param rowsWritten rows committed to the target in this update
 * @param error for a failed flow, the message and its cause chain
 */
public record FlowResult(
    String flow,
    String target,
    FlowKind kind,
    FlowStatus status,
    long rowsRead,
    long rowsWritten,
    Duration duration,
    Optional<String> error) {

  public FlowResult {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(error, "error");
  }

  public static FlowResult of(String flow, String target, FlowKind kind, FlowStatus status) {
    return new FlowResult(flow, target, kind, status, 0, 0, Duration.ZERO, Optional.empty());
  }

  public boolean failed() {
    return status == FlowStatus.FAILED;
  }
}
