package io.sluice.runtime.exec;

import io.sluice.runtime.plan.FlowKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one flow did in an update.
 *
 * @param rowsRead rows the flow's sources read in this update
 * @param rowsWritten rows committed to the target in this update
 * @param quality what the expectations of the flow's target (and of the views it reads) found
 * @param error for a failed flow, the message and its cause chain
 * @param changes for AUTO CDC flows, rows upserted and deleted
 */
public record FlowResult(
    String flow,
    String target,
    FlowKind kind,
    FlowStatus status,
    long rowsRead,
    long rowsWritten,
    Duration duration,
    List<DatasetQuality> quality,
    Optional<Throwable> error,
    ChangeCounts changes) {

  /** For AUTO CDC flows: rows upserted into and deleted from the target in this update. */
  public record ChangeCounts(long upserted, long deleted) {
    public static final ChangeCounts NONE = new ChangeCounts(0, 0);

    /** The counts of the change applier's accumulators (zero when absent). */
    static ChangeCounts of(java.util.Map<String, Object> accumulators) {
      return new ChangeCounts(count(accumulators.get(io.sluice.runtime.cdc.ChangeApplier.UPSERTED_ACCUMULATOR)),
          count(accumulators.get(io.sluice.runtime.cdc.ChangeApplier.DELETED_ACCUMULATOR)));
    }

    private static long count(Object value) {
      return value instanceof Number n ? n.longValue() : 0;
    }
  }

  public FlowResult(String flow, String target, FlowKind kind, FlowStatus status, long rowsRead,
      long rowsWritten, Duration duration, List<DatasetQuality> quality, Optional<Throwable> error) {
    this(flow, target, kind, status, rowsRead, rowsWritten, duration, quality, error, ChangeCounts.NONE);
  }

  public FlowResult {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(duration, "duration");
    quality = List.copyOf(quality);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(changes, "changes");
  }

  public static FlowResult of(String flow, String target, FlowKind kind, FlowStatus status) {
    return new FlowResult(flow, target, kind, status, 0, 0, Duration.ZERO, List.of(), Optional.empty());
  }

  /** The error as one line: the failure's message and its causes. */
  public Optional<String> errorText() {
    return error.map(FlowExecution::causeChain);
  }

  public boolean failed() {
    return status == FlowStatus.FAILED;
  }
}
