package io.sluice.cli;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.Flow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code --from-savepoint [FLOW=]PATH} values as a map from streaming flow to savepoint. */
final class SavepointArgs {
  private SavepointArgs() {}

  static Map<String, String> parse(List<String> values, PipelineGraph graph, CommandLine cmd) {
    List<String> streaming = graph.flowsInOrder().stream()
        .filter(f -> graph.requireDataset(f.target()).kind() != DatasetKind.MATERIALIZED_VIEW)
        .map(Flow::name).toList();
    Map<String, String> result = new LinkedHashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      String flow;
      String path;
      if (eq > 0 && !v.startsWith("file:")) {
        flow = v.substring(0, eq);
        path = v.substring(eq + 1);
      } else if (streaming.size() == 1) {
        flow = streaming.get(0);
        path = v;
      } else {
        throw new ParameterException(cmd, "Cannot tell which flow --from-savepoint " + v + " is for: the pipeline has "
            + streaming.size() + " streaming flows. Write FLOW=PATH, with FLOW one of " + streaming + ".");
      }
      if (!streaming.contains(flow)) {
        throw new ParameterException(cmd, "Cannot restore flow '" + flow + "' from a savepoint: it is not a "
            + "streaming flow of this pipeline. Streaming flows: " + streaming + ".");
      }
      result.put(flow, path);
    }
    return result;
  }
}
