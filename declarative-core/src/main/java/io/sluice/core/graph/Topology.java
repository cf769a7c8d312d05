package io.sluice.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topological order of datasets (Kahn's algorithm, stable in definition order), the datasets
 * left on cycles, and the cycles themselves as paths.
 */
record Topology(List<String> order, Set<String> cyclic, List<List<String>> cycles) {

  static Topology sort(Set<String> nodes, Map<String, Set<String>> inputs) {
    Map<String, Integer> pending = new LinkedHashMap<>();
    for (String n : nodes) {
      pending.put(n, inputs.getOrDefault(n, Set.of()).size());
    }
    List<String> order = new ArrayList<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<String, Integer> e : pending.entrySet()) {
        if (e.getValue() == 0 && !order.contains(e.getKey())) {
          order.add(e.getKey());
          progress = true;
          for (String n : nodes) {
            if (inputs.getOrDefault(n, Set.of()).contains(e.getKey())) {
              pending.merge(n, -1, Integer::sum);
            }
          }
        }
      }
    }
    Set<String> cyclic = new LinkedHashSet<>(nodes);
    order.forEach(cyclic::remove);
    return new Topology(order, cyclic, findCycles(cyclic, inputs));
  }

  /** One path per distinct cycle, each starting and ending at the same dataset. */
  private static List<List<String>> findCycles(Set<String> cyclic, Map<String, Set<String>> inputs) {
    List<List<String>> cycles = new ArrayList<>();
    Set<String> covered = new LinkedHashSet<>();
    for (String start : cyclic) {
      if (covered.contains(start)) {
        continue;
      }
      List<String> path = pathBack(start, cyclic, inputs);
      if (!path.isEmpty()) {
        covered.addAll(path);
        cycles.add(path);
      }
    }
    return cycles;
  }

  /** Breadth-first search from start along "is read by" edges back to start. */
  private static List<String> pathBack(String start, Set<String> cyclic, Map<String, Set<String>> inputs) {
    Map<String, String> parent = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String n = todo.poll();
      for (String reader : cyclic) {
        if (!inputs.getOrDefault(reader, Set.of()).contains(n)) {
          continue;
        }
        if (reader.equals(start)) {
          List<String> path = new ArrayList<>();
          for (String at = n; at != null; at = parent.get(at)) {
            path.add(0, at);
          }
          path.add(start);
          return path;
        }
        if (!parent.containsKey(reader) && !reader.equals(start)) {
          parent.put(reader, n);
          todo.add(reader);
        }
      }
    }
    return List.of();
  }
}
