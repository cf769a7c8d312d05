package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Flow;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.model.TemporaryView;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resolved dependency graph of a pipeline: a value built once by {@link GraphBuilder}.
 *
 * <p>Nodes are datasets; a flow into T that reads R, and a view T whose query reads R, give an edge
 * R → T. {@link #datasetsInOrder()} lists datasets upstream first; datasets on a cycle are left
 * out of the order and listed by {@link #cyclic()}. Datasets whose definition has an error are
 * listed by {@link #invalid()}; the engine skips them and everything downstream of them.
 */
public final class PipelineGraph {
  private final Map<String, Dataset> datasets;
  private final Map<String, Flow> flows;
  private final Map<String, Set<String>> inputs;
  private final List<String> order;
  private final Set<String> cyclic;
  private final Set<String> invalid;

  PipelineGraph(
      Map<String, Dataset> datasets,
      Map<String, Flow> flows,
      Map<String, Set<String>> inputs,
      List<String> order,
      Set<String> cyclic,
      Set<String> invalid) {
    this.datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    this.flows = Collections.unmodifiableMap(new LinkedHashMap<>(flows));
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    inputs.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    this.inputs = Collections.unmodifiableMap(copy);
    this.order = List.copyOf(order);
    this.cyclic = Collections.unmodifiableSet(new LinkedHashSet<>(cyclic));
    this.invalid = Collections.unmodifiableSet(new LinkedHashSet<>(invalid));
  }

  public Map<String, Dataset> datasets() {
    return datasets;
  }

  public Optional<Dataset> dataset(String name) {
    return Optional.ofNullable(datasets.get(name));
  }

  public Dataset requireDataset(String name) {
    Dataset d = datasets.get(name);
    if (d == null) {
      throw new IllegalArgumentException("Cannot find dataset '" + name + "' in the graph");
    }
    return d;
  }

  public Map<String, Flow> flows() {
    return flows;
  }

  /** The flows that write a dataset, in definition order. */
  public List<Flow> flowsInto(String dataset) {
    return flows.values().stream().filter(f -> f.target().equals(dataset)).toList();
  }

  /** Datasets upstream first; datasets on a cycle are not included. */
  public List<Dataset> datasetsInOrder() {
    return order.stream().map(datasets::get).toList();
  }

  /** Flows ordered by their target's position in {@link #datasetsInOrder()}. */
  public List<Flow> flowsInOrder() {
    return order.stream().flatMap(d -> flowsInto(d).stream()).toList();
  }

  /** The datasets a dataset reads directly (through its flows or, for a view, its query). */
  public Set<String> inputsOf(String dataset) {
    return inputs.getOrDefault(dataset, Set.of());
  }

  /** The datasets a flow reads directly, views included (not expanded). */
  public Set<String> inputsOf(Flow flow) {
    Set<String> result = new LinkedHashSet<>();
    if (flow instanceof QueryFlow q) {
      for (Reference r : q.query().datasetReferences()) {
        if (datasets.containsKey(r.name())) {
          result.add(r.name());
        }
      }
    }
    return result;
  }

  /** Every dataset this one reads, directly or through others. */
  public Set<String> upstreamOf(String dataset) {
    return reach(dataset, true);
  }

  /** Every dataset that reads this one, directly or through others. */
  public Set<String> downstreamOf(String dataset) {
    return reach(dataset, false);
  }

  /** The temporary views a dataset reads through, transitively, upstream first. */
  public List<TemporaryView> viewsReadBy(Set<String> direct) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(direct);
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (datasets.get(n) instanceof TemporaryView && seen.add(n)) {
        todo.addAll(inputsOf(n));
      }
    }
    return order.stream().filter(seen::contains).map(n -> (TemporaryView) datasets.get(n)).toList();
  }

  public Set<String> cyclic() {
    return cyclic;
  }

  public Set<String> invalid() {
    return invalid;
  }

  /** Whether the dataset can be planned: defined without errors, on no cycle, upstream valid. */
  public boolean isRunnable(String dataset) {
    if (!order.contains(dataset) || invalid.contains(dataset)) {
      return false;
    }
    return upstreamOf(dataset).stream().noneMatch(u -> invalid.contains(u) || cyclic.contains(u));
  }

  private Set<String> reach(String start, boolean upstream) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      String n = todo.pop();
      for (String next : upstream ? inputsOf(n) : readersOf(n)) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    seen.remove(start);
    return seen;
  }

  private Set<String> readersOf(String dataset) {
    Set<String> readers = new LinkedHashSet<>();
    inputs.forEach((reader, ins) -> {
      if (ins.contains(dataset)) {
        readers.add(reader);
      }
    });
    return readers;
  }
}
