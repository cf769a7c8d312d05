package io.sluice.expectations;

import io.sluice.core.model.ViolationAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers of one dataset's expectations: rows in, kept, dropped, quarantined, and passed and
 * failed per expectation (declaration order).
 *
 * <p>Values read from a job ({@link Expectations#metrics}) are <em>cumulative</em> over the
 * operator's state, which triggered runs carry from savepoint to savepoint. The numbers of one
 * update are {@code cumulative.minus(cumulativeAfterPreviousUpdate)}; persist the earlier values
 * with {@link #toMap()} and read them back with {@link #fromMap}. A run that starts without
 * restoring state (BATCH, first run, full refresh) starts from zero: its values are its own.
 */
public record ExpectationMetrics(
    long rowsIn, long rowsKept, long rowsDropped, long rowsQuarantined, List<CheckMetrics> checks) {

  /** Rows that passed (TRUE) and failed (FALSE or NULL) one expectation. */
  public record CheckMetrics(String name, ViolationAction action, long passed, long failed) {
    public CheckMetrics {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(action, "action");
    }
  }

  public ExpectationMetrics {
    checks = List.copyOf(checks);
  }

  /**
   * This minus {@code earlier}, field by field and by check name; a check unknown to
   * {@code earlier} counts from zero.
   *
   * @throws IllegalArgumentException if a number would become negative: {@code earlier} is not
   *     from the state this run restored
   */
  public ExpectationMetrics minus(ExpectationMetrics earlier) {
    long in = difference(CounterKeys.ROWS_IN, rowsIn, earlier.rowsIn);
    long kept = difference(CounterKeys.ROWS_KEPT, rowsKept, earlier.rowsKept);
    long dropped = difference(CounterKeys.ROWS_DROPPED, rowsDropped, earlier.rowsDropped);
    long quarantined =
        difference(CounterKeys.ROWS_QUARANTINED, rowsQuarantined, earlier.rowsQuarantined);
    Map<String, CheckMetrics> before = new HashMap<>();
    earlier.checks.forEach(c -> before.put(c.name(), c));
    List<CheckMetrics> diff = new ArrayList<>();
    for (CheckMetrics now : checks) {
      CheckMetrics then = before.get(now.name());
      diff.add(then == null ? now : new CheckMetrics(now.name(), now.action(),
          difference(CounterKeys.passed(now.name()), now.passed(), then.passed()),
          difference(CounterKeys.failed(now.name()), now.failed(), then.failed())));
    }
    return new ExpectationMetrics(in, kept, dropped, quarantined, diff);
  }

  private static long difference(String what, long now, long earlier) {
    if (now < earlier) {
      throw new IllegalArgumentException(String.format(
          "Cannot subtract expectation metrics: %s would be negative (%d - %d); subtract only the"
              + " values recorded for the state this run restored (after a full refresh, use the"
              + " values as they are)", what, now, earlier));
    }
    return now - earlier;
  }

  /**
   * The numbers by key, in order: {@code rows_in}, {@code rows_kept}, {@code rows_dropped},
   * {@code rows_quarantined}, then {@code <check>/passed} and {@code <check>/failed} per check
   * ('%' and '/' in check names written as %25 and %2F).
   */
  public Map<String, Long> toMap() {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put(CounterKeys.ROWS_IN, rowsIn);
    map.put(CounterKeys.ROWS_KEPT, rowsKept);
    map.put(CounterKeys.ROWS_DROPPED, rowsDropped);
    map.put(CounterKeys.ROWS_QUARANTINED, rowsQuarantined);
    for (CheckMetrics check : checks) {
      map.put(CounterKeys.passed(check.name()), check.passed());
      map.put(CounterKeys.failed(check.name()), check.failed());
    }
    return map;
  }

  /**
   * Reads {@link #toMap()} back for the checks of {@code set} (names and actions from the set);
   * a missing key reads as zero, so a check added since counts from zero.
   */
  public static ExpectationMetrics fromMap(Map<String, Long> values, ExpectationSet set) {
    List<String> keys = CounterKeys.keys(set);
    long[] read = new long[keys.size()];
    for (int i = 0; i < read.length; i++) {
      Long value = values.get(keys.get(i));
      read[i] = value == null ? 0 : value;
    }
    return of(set, read);
  }

  /** Metrics from values indexed as in {@link CounterKeys}. */
  static ExpectationMetrics of(ExpectationSet set, long[] values) {
    List<CheckMetrics> checks = new ArrayList<>();
    for (int i = 0; i < set.checks().size(); i++) {
      Check check = set.checks().get(i);
      checks.add(new CheckMetrics(check.name(), check.action(),
          values[CounterKeys.passedIndex(i)], values[CounterKeys.failedIndex(i)]));
    }
    return new ExpectationMetrics(values[CounterKeys.IN], values[CounterKeys.KEPT],
        values[CounterKeys.DROPPED], values[CounterKeys.QUARANTINED], checks);
  }
}
