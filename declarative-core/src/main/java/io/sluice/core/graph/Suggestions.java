package io.sluice.core.graph;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions: the closest known name within a small edit distance. */
final class Suggestions {
  private Suggestions() {}

  static Optional<String> closest(String name, Collection<String> known) {
    int limit = Math.max(2, name.length() / 3);
    return known.stream()
        .filter(k -> !k.equals(name))
        .map(k -> new Candidate(k, distance(name, k)))
        .filter(c -> c.distance <= limit)
        .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
        .map(Candidate::name);
  }

  /** The action sentence: "Did you mean 'x'?" or a list of the known names. */
  static String didYouMean(String name, Collection<String> known, String what) {
    Optional<String> best = closest(name, known);
    if (best.isPresent()) {
      return "Did you mean '" + best.get() + "'?";
    }
    if (known.isEmpty()) {
      return "Define " + what + " with this name.";
    }
    return "Define it, or use one of: " + String.join(", ", known.stream().sorted().toList()) + ".";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private record Candidate(String name, int distance) {}
}
