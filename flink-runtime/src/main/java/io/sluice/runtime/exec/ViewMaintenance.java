package io.sluice.runtime.exec;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.Flow;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.model.TableFormat;
import io.sluice.core.model.TemporaryView;
import io.sluice.runtime.translate.TranslationContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how a continuous run keeps a materialized view fresh. A view is maintained from its
 * query's changelog when every row it reads is only ever appended (files, Kafka, streaming tables
 * of this pipeline, directly or through temporary views), it is stored as Delta, and it has no
 * expectations of its own (they check appended rows). Otherwise it is recomputed in full whenever
 * an input changed; the reason says why.
 */
final class ViewMaintenance {
  private ViewMaintenance() {}

  /** Why the view's flow is recomputed rather than maintained; empty when it can be maintained. */
  static Optional<String> whyRecomputed(Flow flow, TranslationContext ctx) {
    PipelineGraph graph = ctx.graph();
    Dataset target = graph.requireDataset(flow.target());
    if (ctx.formatOf(target) != TableFormat.DELTA) {
      return Optional.of("it is stored as " + ctx.formatOf(target).name().toLowerCase()
          + "; views are maintained incrementally in Delta tables only");
    }
    if (!target.spec().expectations().isEmpty()) {
      return Optional.of("it has expectations, which check whole rows as they are appended");
    }
    if (!(flow instanceof QueryFlow q)) {
      return Optional.of("its flow is not a query");
    }
    List<Query> queries = new ArrayList<>();
    queries.add(q.query());
    Set<String> direct = new LinkedHashSet<>();
    q.query().datasetReferences().forEach(r -> direct.add(r.name()));
    graph.viewsReadBy(direct).stream().map(TemporaryView::query).forEach(queries::add);
    for (Query query : queries) {
      for (Reference r : query.references()) {
        Optional<String> why = changesInPlace(r, graph);
        if (why.isPresent()) {
          return why;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> changesInPlace(Reference r, PipelineGraph graph) {
    switch (r.kind()) {
      case FILES:
        return Optional.empty();
      case DATASET: {
        DatasetKind kind = graph.requireDataset(r.name()).kind();
        if (kind == DatasetKind.STREAMING_TABLE || kind == DatasetKind.TEMPORARY_VIEW) {
          return Optional.empty();
        }
        return Optional.of("it reads " + kind.name().toLowerCase().replace('_', ' ') + " '" + r.name()
            + "', whose rows change in place");
      }
      default:
        String kind = r.kind().name().toLowerCase();
        if (kind.equals("kafka")) {
          return Optional.empty();
        }
        return Optional.of("it reads table '" + r.name() + "', which other writers may change in place");
    }
  }
}
