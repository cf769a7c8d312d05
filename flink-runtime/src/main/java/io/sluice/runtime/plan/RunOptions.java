package io.sluice.runtime.plan;

import java.util.Set;

/**
 * What an update should do (SEMANTICS §4): with no selection every dataset is updated; with
 * {@code refresh} and/or {@code fullRefresh} only those; {@code fullRefreshAll} clears and
 * rebuilds everything that allows it.
 */
public record RunOptions(Set<String> refresh, Set<String> fullRefresh, boolean fullRefreshAll) {

  public static final RunOptions ALL = new RunOptions(Set.of(), Set.of(), false);

  public RunOptions {
    refresh = Set.copyOf(refresh);
    fullRefresh = Set.copyOf(fullRefresh);
  }
}
