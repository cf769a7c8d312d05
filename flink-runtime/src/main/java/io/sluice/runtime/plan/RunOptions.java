package io.sluice.runtime.plan;

import java.util.Map;
import java.util.Set;

/**
 * What an update should do (SEMANTICS §4): with no selection every dataset is updated; with
 * {@code refresh} and/or {@code fullRefresh} only those; {@code fullRefreshAll} clears and
 * rebuilds everything that allows it.
 *
 * <p>Streaming flows resume from their latest savepoint or retained checkpoint; {@code
 * fromSavepoint} names another savepoint per flow, and {@code noRestore} starts them without state
 * (their sources start from their configured start positions; the tables keep their rows).
 */
public record RunOptions(Set<String> refresh, Set<String> fullRefresh, boolean fullRefreshAll,
    Map<String, String> fromSavepoint, boolean noRestore) {

  public static final RunOptions ALL = new RunOptions(Set.of(), Set.of(), false);

  public RunOptions {
    refresh = Set.copyOf(refresh);
    fullRefresh = Set.copyOf(fullRefresh);
    fromSavepoint = Map.copyOf(fromSavepoint);
  }

  public RunOptions(Set<String> refresh, Set<String> fullRefresh, boolean fullRefreshAll) {
    this(refresh, fullRefresh, fullRefreshAll, Map.of(), false);
  }

  public RunOptions withRestore(Map<String, String> savepoints, boolean none) {
    return new RunOptions(refresh, fullRefresh, fullRefreshAll, savepoints, none);
  }
}
