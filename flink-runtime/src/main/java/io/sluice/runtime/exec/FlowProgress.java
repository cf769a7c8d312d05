package io.sluice.runtime.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A running continuous flow at one moment.
 *
 * @param rowsRead rows its sources read since the update started (restarted tasks count again)
 * @param rowsWritten rows committed to the target since the update started
 * @param readRate rows read per second since the previous progress report
 * @param writeRate rows committed per second since the previous progress report
 * @param watermark the flow's event-time watermark, for flows that read event time
 * @param lastCheckpoint the newest completed checkpoint (each one publishes data)
 * @param pendingRecords records waiting in the sources (Kafka lag), where the source knows
 * @param pendingFiles files found and not yet read, for file sources
 * @param quality the expectations' counts since the update started
 * @param restarts how often the job restarted from a checkpoint in this update
 */
public record FlowProgress(
    String flow,
    String target,
    Instant at,
    long rowsRead,
    long rowsWritten,
    double readRate,
    double writeRate,
    Optional<Instant> watermark,
    Optional<JobSnapshot.Checkpoint> lastCheckpoint,
    OptionalLong pendingRecords,
    OptionalLong pendingFiles,
    List<DatasetQuality> quality,
    int restarts) {

  public FlowProgress {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
    Objects.requireNonNull(pendingRecords, "pendingRecords");
    Objects.requireNonNull(pendingFiles, "pendingFiles");
    quality = List.copyOf(quality);
  }

  /** How far event time is behind the wall clock, for flows with a watermark. */
  public Optional<Duration> watermarkLag() {
    return watermark.map(w -> Duration.between(w, at)).map(d -> d.isNegative() ? Duration.ZERO : d);
  }
}
