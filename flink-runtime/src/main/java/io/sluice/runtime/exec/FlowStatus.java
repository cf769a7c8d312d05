package io.sluice.runtime.exec;

/** How a flow ended in an update (the event log's flow_progress statuses). */
public enum FlowStatus {
  COMPLETED,
  /** A materialized view whose definition and inputs did not change: nothing to do. */
  UP_TO_DATE,
  /** An INSERT INTO ONCE flow that already ran. */
  ALREADY_RAN,
  FAILED,
  /** Not run because a flow it depends on failed. */
  SKIPPED,
  /** Not selected by --refresh / --full-refresh. */
  EXCLUDED,
  /** A continuous flow stopped with a savepoint; the next run resumes from it. */
  STOPPED
}
