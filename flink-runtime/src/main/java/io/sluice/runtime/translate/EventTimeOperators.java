package io.sluice.runtime.translate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.dag.Transformation;

/**
 * Whether a planned flow uses event time: some operator of its plan orders, groups or joins rows
 * by a rowtime and therefore drops rows behind the watermark. Read from Flink's own plan — the
 * node kinds of the transformations it generated — rather than from the query text, so that
 * windows reached through views, CTEs or comma joins are found, and a plain projection or a regular
 * join of a watermarked stream is not mistaken for one.
 *
 * <p>The kinds, as Flink 1.20 names its stream exec nodes: window table functions (TUMBLE, HOP,
 * SESSION, CUMULATE) and the window aggregations, joins, ranks and deduplications over them; the
 * legacy GROUP BY TUMBLE(...) windows; interval joins on rowtime; OVER aggregations; MATCH_RECOGNIZE;
 * ORDER BY a rowtime; event-time temporal joins. {@code EventTimeOperatorsTest} plans one query per
 * kind, so an upgrade of Flink that renames one fails there.
 */
final class EventTimeOperators {
  static final Set<String> KINDS = Set.of(
      "WindowTableFunction", "WindowAggregate", "LocalWindowAggregate", "GlobalWindowAggregate",
      "WindowJoin", "WindowRank", "WindowDeduplicate", "GroupWindowAggregate", "IntervalJoin",
      "OverAggregate", "Match", "TemporalSort", "TemporalJoin");
  /** {@code [12]:IntervalJoin(...)} (description) or {@code IntervalJoin[12]} (name). */
  private static final Pattern DESCRIPTION = Pattern.compile("^\\[\\d+\\]:(\\w+)");
  private static final Pattern NAME = Pattern.compile("^(\\w+)\\[\\d+\\]");

  private EventTimeOperators() {}

  /** Whether the transformations feeding {@code root} contain an event-time operator. */
  static boolean present(Transformation<?> root) {
    Deque<Transformation<?>> todo = new ArrayDeque<>();
    Set<Transformation<?>> seen = new HashSet<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      Transformation<?> t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (isEventTime(t)) {
        return true;
      }
      todo.addAll(t.getInputs());
    }
    return false;
  }

  private static boolean isEventTime(Transformation<?> t) {
    Optional<String> kind = kind(t);
    if (kind.isEmpty() || !KINDS.contains(kind.get())) {
      return false;
    }
    // A processing-time interval join (on PROCTIME()) never drops a row for being late.
    return !kind.get().equals("IntervalJoin") || String.valueOf(t.getDescription()).contains("isRowTime=true");
  }

  private static Optional<String> kind(Transformation<?> t) {
    Matcher d = DESCRIPTION.matcher(String.valueOf(t.getDescription()));
    if (d.find()) {
      return Optional.of(d.group(1));
    }
    Matcher n = NAME.matcher(String.valueOf(t.getName()));
    return n.find() ? Optional.of(n.group(1)) : Optional.empty();
  }
}
