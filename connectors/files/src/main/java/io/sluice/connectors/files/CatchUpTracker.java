package io.sluice.connectors.files;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a source has read everything that existed when the run (re)started. The targets are
 * the files of the first listing plus the pending files restored from state. Caught up means: every
 * target has been assigned, and every reader has asked for a split since the start and has asked
 * again after its last target. A reader asks only when it holds no split, so by then all records
 * of its earlier splits, including those restored from a checkpoint, have been emitted.
 */
final class CatchUpTracker {
  private final Set<String> unassignedTargets = new HashSet<>();
  private final Map<Integer, Set<String>> targetsInFlight = new HashMap<>();
  private final Set<Integer> readersAsked = new HashSet<>();
  private boolean targetsKnown;

  /** Records the start-time targets; until this is called the source is not caught up. */
  void setTargets(Collection<String> paths) {
    unassignedTargets.addAll(paths);
    targetsKnown = true;
  }

  void assigned(String path, int reader) {
    if (unassignedTargets.remove(path)) {
      targetsInFlight.computeIfAbsent(reader, r -> new HashSet<>()).add(path);
    }
  }

  /** A reader asked for a split: it holds none, so it finished everything it was given. */
  void readerAsked(int reader) {
    readersAsked.add(reader);
    targetsInFlight.remove(reader);
  }

  /** A reader (re)started: it may hold splits restored from a checkpoint until it asks again. */
  void readerStarted(int reader) {
    readersAsked.remove(reader);
  }

  /** Splits came back from a failed reader: they are to be read again, and the reader restarts. */
  void splitsReturned(int reader, Collection<String> paths) {
    readersAsked.remove(reader);
    targetsInFlight.remove(reader);
    unassignedTargets.addAll(paths);
  }

  boolean isCaughtUp(int parallelism) {
    if (!targetsKnown || !unassignedTargets.isEmpty() || !targetsInFlight.isEmpty()) {
      return false;
    }
    for (int reader = 0; reader < parallelism; reader++) {
      if (!readersAsked.contains(reader)) {
        return false;
      }
    }
    return true;
  }
}
