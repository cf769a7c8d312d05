package io.sluice.expectations;

import java.util.List;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * A row failed an {@code ON VIOLATION FAIL UPDATE} expectation: the update stops. The message
 * names the failed FAIL expectations, the dataset and the row.
 *
 * <p>Marked non-recoverable: Flink does not restart the job, because replaying the same input
 * would fail on the same row again.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public final class ExpectationViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String dataset;
  private final List<String> expectations;

  ExpectationViolationException(String dataset, List<String> expectations, String row) {
    super(message(dataset, expectations, row));
    this.dataset = dataset;
    this.expectations = List.copyOf(expectations);
  }

  /** The dataset whose expectation failed. */
  public String dataset() {
    return dataset;
  }

  /** The FAIL UPDATE expectations the row failed, in declaration order. */
  public List<String> expectations() {
    return expectations;
  }

  private static String message(String dataset, List<String> expectations, String row) {
    String names = "'" + String.join("', '", expectations) + "'";
    return String.format(
        "Cannot complete the update: row failed expectation%s %s of dataset '%s'"
            + " (ON VIOLATION FAIL UPDATE): %s. Fix the input, or declare the expectation"
            + " ON VIOLATION DROP ROW or QUARANTINE to set such rows aside",
        expectations.size() == 1 ? "" : "s", names, dataset, row);
  }
}
