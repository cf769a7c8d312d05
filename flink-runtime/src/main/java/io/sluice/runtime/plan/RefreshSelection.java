package io.sluice.runtime.plan;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.Names;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which datasets an update writes ({@code update}) and which of them it fully refreshes ({@code
 * reset}): their flows start from nothing and their tables are cleared first — except sinks,
 * which are external and keep their rows (their flows deliver everything again).
 *
 * <p>A table with {@code pipelines.reset.allowed = false} cannot be fully refreshed: naming it is
 * an error, and {@code --full-refresh-all} updates it without reset. Refreshing a table that a
 * non-refreshed flow reads with STREAM() is an error too: that reader would fail on the rewritten
 * table, so the message says to refresh them together.
 */
public record RefreshSelection(Set<String> update, Set<String> reset) {
  public static final String RESET_ALLOWED = "pipelines.reset.allowed";

  public static RefreshSelection resolve(PipelineGraph graph, RunOptions options, List<Problem> problems) {
    Set<String> refresh = names(graph, options.refresh(), problems);
    Set<String> full = names(graph, options.fullRefresh(), problems);
    Set<String> update = new LinkedHashSet<>();
    Set<String> reset = new LinkedHashSet<>();
    boolean selective = !refresh.isEmpty() || !full.isEmpty();
    for (Dataset d : graph.datasets().values()) {
      if (d.kind() == DatasetKind.TEMPORARY_VIEW) {
        continue;
      }
      if (!selective || refresh.contains(d.name()) || full.contains(d.name())) {
        update.add(d.name());
      }
      boolean allowed = !"false".equalsIgnoreCase(d.spec().property(RESET_ALLOWED).orElse("true"));
      if (full.contains(d.name()) && !allowed) {
        problems.add(Problem.error(ErrorCode.FULL_REFRESH_NOT_ALLOWED, d.location(),
            "Cannot fully refresh '" + d.name() + "': its table property " + RESET_ALLOWED + " is false",
            "Refresh it without --full-refresh, or remove the property."));
      } else if (allowed && (full.contains(d.name()) || options.fullRefreshAll())) {
        reset.add(d.name());
      }
    }
    StreamReaders.check(graph, reset, problems);
    return new RefreshSelection(update, reset);
  }

  private static Set<String> names(PipelineGraph graph, Set<String> raw, List<Problem> problems) {
    Set<String> result = new LinkedHashSet<>();
    for (String r : raw) {
      String n = Names.normalize(r);
      if (graph.dataset(n).filter(d -> d.kind() != DatasetKind.TEMPORARY_VIEW).isPresent()) {
        result.add(n);
      } else {
        problems.add(Problem.error(ErrorCode.UNKNOWN_DATASET_SELECTED, SourceLocation.of("<command line>", 0, 0),
            "Cannot refresh '" + r + "': the pipeline has no table with this name",
            "Use one of: " + String.join(", ", graph.datasets().values().stream()
                .filter(d -> d.kind().isPersisted()).map(Dataset::name).sorted().toList()) + "."));
      }
    }
    return result;
  }
}
