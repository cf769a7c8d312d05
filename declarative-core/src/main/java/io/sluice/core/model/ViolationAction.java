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
  FAIL;

  /**
   * Reads an action as written in YAML and rules files: {@code warn}, {@code drop} / {@code drop
   * row}, {@code quarantine}, {@code fail} / {@code fail update} (any case, spaces or underscores).
   */
  public static java.util.Optional<ViolationAction> parse(String text) {
    switch (text.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '_')) {
      case "warn":
        return java.util.Optional.of(WARN);
      case "drop":
      case "drop_row":
        return java.util.Optional.of(DROP);
      case "quarantine":
        return java.util.Optional.of(QUARANTINE);
      case "fail":
      case "fail_update":
        return java.util.Optional.of(FAIL);
      default:
        return java.util.Optional.empty();
    }
  }
}
