package io.sluice.expectations;

import java.util.ArrayList;
import java.util.List;

/**
 * The counted numbers of an {@link ExpectationSet}, each under one key: {@code rows_in},
 * {@code rows_kept}, {@code rows_dropped}, {@code rows_quarantined}, then
 * {@code <expectation>/passed} and {@code <expectation>/failed} per check in declaration order
 * (the index order). The same key names the number in operator state (so it is part of the
 * savepoint format), in {@link ExpectationMetrics#toMap()}, and after the prefix
 * {@code sluice.dq/<flow>/<dataset>/} in the job's accumulators (see {@link Expectations}). In
 * each name part '%' is written %25 and '/' %2F, so that different names never collide.
 */
final class CounterKeys {
  static final String ROWS_IN = "rows_in";
  static final String ROWS_KEPT = "rows_kept";
  static final String ROWS_DROPPED = "rows_dropped";
  static final String ROWS_QUARANTINED = "rows_quarantined";
  static final int IN = 0;
  static final int KEPT = 1;
  static final int DROPPED = 2;
  static final int QUARANTINED = 3;
  private static final int ROW_NUMBERS = 4;

  private CounterKeys() {}

  /** All keys of the set, in index order. */
  static List<String> keys(ExpectationSet set) {
    List<String> keys = new ArrayList<>(List.of(ROWS_IN, ROWS_KEPT, ROWS_DROPPED, ROWS_QUARANTINED));
    for (Check check : set.checks()) {
      keys.add(passed(check.name()));
      keys.add(failed(check.name()));
    }
    return keys;
  }

  static int passedIndex(int check) {
    return ROW_NUMBERS + 2 * check;
  }

  static int failedIndex(int check) {
    return ROW_NUMBERS + 2 * check + 1;
  }

  static String passed(String check) {
    return escape(check) + "/passed";
  }

  static String failed(String check) {
    return escape(check) + "/failed";
  }

  /** The accumulator name of a key: {@code sluice.dq/<flow>/<dataset>/<key>}. */
  static String accumulator(ExpectationSet set, String key) {
    return "sluice.dq/" + escape(set.flow()) + "/" + escape(set.dataset()) + "/" + key;
  }

  static String escape(String part) {
    return part.replace("%", "%25").replace("/", "%2F");
  }
}
