package io.sluice.runtime.state;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a flow remembers between updates, stored as JSON beside its checkpoints.
 *
 * @param lineage identifies one continuous history of the flow's state; a full refresh starts a
 *     new one. It is part of the Delta transaction application id, so that checkpoint ids that
 *     restart from 1 after a reset are never mistaken for already-committed ones.
 * @param restorePath the savepoint (or retained checkpoint) the next run resumes from
 * @param runningJob the job started last and not known to have stopped cleanly; after a crash its
 *     newest retained checkpoint is newer than {@code restorePath}
 * @param fingerprint the definition (query and input schemas) the state was built with
 * @param onceDone for {@code INSERT INTO ONCE} flows: whether the one run has happened
 * @param inputVersions for materialized views: the versions of the inputs of the last refresh
 * @param qualityBaseline the cumulative expectation counts after the last successful update
 *     (keyed {@code dataset|counter}), subtracted from the next update's cumulative counts
 */
public record FlowState(
    String lineage,
    Optional<String> restorePath,
    Optional<String> runningJob,
    Optional<String> fingerprint,
    boolean onceDone,
    Map<String, String> inputVersions,
    Map<String, Long> qualityBaseline) {

  public FlowState {
    Objects.requireNonNull(lineage, "lineage");
    Objects.requireNonNull(restorePath, "restorePath");
    Objects.requireNonNull(runningJob, "runningJob");
    Objects.requireNonNull(fingerprint, "fingerprint");
    inputVersions = Map.copyOf(inputVersions);
    qualityBaseline = Map.copyOf(qualityBaseline);
  }

  /** The state of a flow that never ran, or was just fully refreshed. */
  public static FlowState fresh() {
    return new FlowState(UUID.randomUUID().toString(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, Map.of(), Map.of());
  }

  /**
   * The same state under a new lineage, for a run that starts without restoring any state: its
   * counters start from zero too.
   */
  public FlowState withNewLineage() {
    return new FlowState(UUID.randomUUID().toString(), restorePath, runningJob, fingerprint, onceDone,
        inputVersions, Map.of());
  }

  public FlowState withQualityBaseline(Map<String, Long> baseline) {
    return new FlowState(lineage, restorePath, runningJob, fingerprint, onceDone, inputVersions, baseline);
  }

  public FlowState running(String jobId) {
    return new FlowState(lineage, restorePath, Optional.of(jobId), fingerprint, onceDone, inputVersions,
        qualityBaseline);
  }

  public FlowState stopped(Optional<String> savepoint, String newFingerprint) {
    return new FlowState(lineage, savepoint, Optional.empty(), Optional.of(newFingerprint), onceDone,
        inputVersions, qualityBaseline);
  }

  public FlowState refreshed(String newFingerprint, Map<String, String> versions) {
    return new FlowState(lineage, Optional.empty(), Optional.empty(), Optional.of(newFingerprint),
        onceDone, versions, qualityBaseline);
  }

  public FlowState onceCompleted(String newFingerprint) {
    return new FlowState(lineage, Optional.empty(), Optional.empty(), Optional.of(newFingerprint), true,
        inputVersions, qualityBaseline);
  }
}
