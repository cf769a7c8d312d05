package io.sluice.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: for results of jobs that keep running. */
public final class Eventually {
  private static final long POLL_MILLIS = 100;

  private Eventually() {}

  /**
   * Waits until {@code value} returns something {@code done} accepts, and returns it; fails with
   * {@code what} and the last value seen when {@code within} has passed. Exceptions thrown while
   * the condition does not hold yet (a table not created yet) count as "not yet".
   */
  public static <T> T until(Duration within, String what, Supplier<T> value, java.util.function.Predicate<T> done) {
    Instant deadline = Instant.now().plus(within);
    T last = null;
    RuntimeException lastError = null;
    while (true) {
      try {
        last = value.get();
        lastError = null;
        if (done.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        lastError = e;
      }
      if (Instant.now().isAfter(deadline)) {
        AssertionError failure = new AssertionError("Not within " + within + ": " + what + "; last seen: " + last);
        if (lastError != null) {
          failure.initCause(lastError);
        }
        throw failure;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what, e);
      }
    }
  }
}
