package io.sluice.core.load;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.problem.Problem;
import io.sluice.core.spec.PipelineSpec;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline folder, read: its settings, what its definition files declare, the graph built from
 * them, and every problem found on the way (the graph keeps whatever part is valid).
 */
public record LoadedPipeline(
    PipelineSpec spec, DefinitionSet definitions, PipelineGraph graph, List<Problem> problems) {

  public LoadedPipeline {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(definitions, "definitions");
    Objects.requireNonNull(graph, "graph");
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
