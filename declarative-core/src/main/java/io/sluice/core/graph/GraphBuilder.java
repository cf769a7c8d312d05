package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Flow;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link PipelineGraph} from everything the definition files declare, running every
 * {@link GraphRule} and collecting their problems. It never throws for a user error: the graph
 * keeps the valid part, so that the engine can still check the queries of the rest and report
 * all problems in one run.
 */
public final class GraphBuilder {
  private GraphBuilder() {}

  public static PipelineGraph build(DefinitionSet definitions, Problems problems) {
    Map<String, Dataset> datasets = new LinkedHashMap<>();
    for (Dataset d : definitions.datasets()) {
      datasets.putIfAbsent(d.name(), d);
    }
    Map<String, Flow> flows = new LinkedHashMap<>();
    for (Flow f : definitions.flows()) {
      flows.putIfAbsent(f.name(), f);
    }
    Map<String, Set<String>> inputs = inputs(datasets, flows);
    Topology topology = Topology.sort(datasets.keySet(), inputs);
    GraphDraft draft = new GraphDraft(definitions, datasets, flows, inputs, topology);

    List<Problem> found = new ArrayList<>();
    for (GraphRule rule : GraphRule.ALL) {
      found.addAll(rule.check(draft));
    }
    problems.addAll(found);
    Set<String> invalid = new LinkedHashSet<>();
    for (Problem p : found) {
      String dataset = p.params().get(GraphRule.DATASET_PARAM);
      if (p.isError() && dataset != null) {
        invalid.add(dataset);
      }
    }
    return new PipelineGraph(datasets, flows, inputs, topology.order(), topology.cyclic(), invalid);
  }

  private static Map<String, Set<String>> inputs(Map<String, Dataset> datasets, Map<String, Flow> flows) {
    Map<String, Set<String>> inputs = new LinkedHashMap<>();
    for (String name : datasets.keySet()) {
      inputs.put(name, new LinkedHashSet<>());
    }
    for (Flow f : flows.values()) {
      Set<String> target = inputs.get(f.target());
      if (target != null && f instanceof QueryFlow q) {
        addKnown(target, q.query().datasetReferences(), datasets);
      }
    }
    for (Dataset d : datasets.values()) {
      if (d instanceof TemporaryView v) {
        addKnown(inputs.get(v.name()), v.query().datasetReferences(), datasets);
      }
    }
    return inputs;
  }

  private static void addKnown(Set<String> into, List<Reference> refs, Map<String, Dataset> datasets) {
    for (Reference r : refs) {
      if (datasets.containsKey(r.name())) {
        into.add(r.name());
      }
    }
  }
}
