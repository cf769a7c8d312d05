package io.sluice.core.model;

/**
 * What happens to a row that fails an expectation. Ordered from weakest to strongest: a row that
 * fails several expectations takes the strongest action.
 */
public enum ViolationAction {
  /** Keep the row, count the failure (no ON VIOLATION clause). */
  WARN,
  /** ON VIOLATION DROP ROW. */
  DROP,
  /** ON VIOLATION QUARANTINE: the row goes to the dataset's quarantine table. */
  QUARANTINE,
  /** ON VIOLATION FAIL UPDATE: the update stops. */
  FAIL
}
