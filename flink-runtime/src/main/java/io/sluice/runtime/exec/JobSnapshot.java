package io.sluice.runtime.exec;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;

/**
 * A running job as the cluster sees it at one moment.
 *
 * @param accumulators current accumulator values, summed over subtasks
 * @param lastCheckpoint the newest completed checkpoint, if any
 * @param failure the newest failure (a restart follows it unless the job failed for good)
 */
public record JobSnapshot(
    JobStatus status,
    Map<String, Object> accumulators,
    Optional<Checkpoint> lastCheckpoint,
    Optional<Failure> failure) {

  public JobSnapshot {
    Objects.requireNonNull(status, "status");
    accumulators = Map.copyOf(accumulators);
    Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
    Objects.requireNonNull(failure, "failure");
  }

  /** A completed checkpoint: its id and when it completed. */
  public record Checkpoint(long id, Instant completedAt) {}

  /** A failure of the job: when, and the exception. */
  public record Failure(Instant at, Throwable error) {}
}
