package io.sluice.runtime.translate;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Query;
import io.sluice.core.model.Reference;
import io.sluice.core.model.TemporaryView;
import io.sluice.runtime.plan.FlowPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.RowType;

/**
 * Decides, before a streaming flow is translated, whether its watermarked inputs get event time.
 * A watermark matters only to a query with an event-time operation (see {@link EventTimeOperators}),
 * and the late rows taken out at the read point must not be taken out of any other query (a
 * projection of a watermarked stream keeps every row). So the flow is planned once more over
 * schema-only inputs with their rowtime attributes, in an environment of its own that is then
 * thrown away, and Flink's plan says whether an event-time operator is in it. Only streaming flows
 * that read a watermarked dataset or view pay for this second planning.
 */
final class EventTimeProbe {
  private EventTimeProbe() {}

  static boolean usesEventTime(TranslationContext ctx, FlowPlan plan, Optional<RowType> declared) {
    if (!readsWatermarks(ctx, plan.flow().query())) {
      return false;
    }
    FlowEnvironment probe = FlowEnvironment.create(ctx, plan.name(), false);
    InputRegistry inputs = new InputRegistry(ctx, probe, plan, declared, ReadMode.PROBE);
    inputs.registerAll(plan.flow().query());
    if (!inputs.problems().isEmpty() || !inputs.missingUpstream().isEmpty()) {
      return true; // the flow's own translation reports them, with rowtime attributes as declared
    }
    try {
      Table result = TimeAttributes.materialize(probe.tEnv, probe.tEnv.sqlQuery(plan.flow().query().sql().text()));
      return EventTimeOperators.present(probe.tEnv.toChangelogStream(result).getTransformation());
    } catch (RuntimeException e) {
      return true;
    }
  }

  /** Whether the query, or a view it reads, reads a dataset or view that declares a watermark. */
  static boolean readsWatermarks(TranslationContext ctx, Query query) {
    Set<String> direct = new LinkedHashSet<>();
    query.datasetReferences().forEach(r -> direct.add(r.name()));
    List<TemporaryView> views = ctx.graph().viewsReadBy(direct);
    Set<String> read = new LinkedHashSet<>(direct);
    List<Query> queries = new ArrayList<>();
    views.forEach(v -> queries.add(v.query()));
    for (Query q : queries) {
      for (Reference r : q.datasetReferences()) {
        read.add(r.name());
      }
    }
    for (String name : read) {
      Optional<Dataset> d = Optional.ofNullable(ctx.graph().datasets().get(name));
      if (d.isPresent() && d.get().spec().watermark().isPresent()) {
        return true;
      }
    }
    return false;
  }
}
