package io.sluice.runtime.translate;

import io.sluice.connectors.delta.WriteMode;
import io.sluice.connectors.progress.PublishGate;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.plan.FlowPlan;
import io.sluice.runtime.source.InputSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.sluice.expectations.ExpectationSet;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.table.api.Table;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;

/** The last step of every translation: the planned query becomes a job writing the target. */
final class FlowJobs {
  private FlowJobs() {}

  static Optional<TranslatedFlow> finish(TranslationContext ctx, FlowPlan plan, FlowEnvironment fenv,
      FlowQuery q, WriteMode mode, List<Problem> problems) {
    int before = problems.size();
    Optional<ExpectationStage.Checked> checked =
        ExpectationStage.plan(ctx, fenv, q.table(), plan.target(), plan.name(), problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    Table out = checked.map(ExpectationStage.Checked::table).orElse(q.table());
    DataStream<RowData> rows;
    try {
      // Translating to a stream is where Flink rejects updates into an append-only target; a view
      // maintained from the changelog takes every kind of change.
      rows = mode == WriteMode.SNAPSHOT
          ? changelog(fenv, out)
          : fenv.tEnv.toDataStream(out, out.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class));
    } catch (RuntimeException e) {
      problems.add(PlannerErrors.toProblem(e, plan.flow().query().sql(), "flow '" + plan.name() + "'"));
      return Optional.empty();
    }
    ctx.recordSchema(plan.target().name(), q.schema());
    QualityGate.plan(ctx, plan.target(), q.schema());
    List<ExpectationSet> sets = new ArrayList<>(q.viewChecks());
    checked.ifPresent(c -> sets.add(c.set()));
    Optional<PublishGate> gate = gate(ctx, plan);
    if (ctx.phase() != Phase.RUN) {
      return Optional.of(new TranslatedFlow(plan, Optional.empty(), q.schema(), q.inputs(), List.of(),
          q.fingerprint(), Optional.empty(), sets));
    }
    if (checked.isPresent()) {
      rows = QualityGate.apply(ctx, plan, plan.target(), checked.get().set(), rows, gate);
    }
    Transformation<?> sink = ctx.sinks().write(rows, plan, q.schema(), mode, gate).getTransformation();
    UidAssigner.assign(sink, plan.name(), q.fingerprint());
    List<Path> markers = new ArrayList<>();
    for (InputSpec in : q.inputs()) {
      ctx.sources().markerPath(plan.name(), in).ifPresent(markers::add);
    }
    return Optional.of(new TranslatedFlow(plan, Optional.of(fenv.env), q.schema(), q.inputs(), markers,
        q.fingerprint(), gate, sets));
  }

  /**
   * The query's changelog as internal rows. The conversion runs with the parallelism of the
   * operator before it: a rebalance in between would reorder an update's retraction and the insert
   * it retracts.
   */
  private static DataStream<RowData> changelog(FlowEnvironment fenv, Table out) {
    DataStream<org.apache.flink.types.Row> changes = fenv.tEnv.toChangelogStream(out);
    return changes
        .map(new ChangelogRows(out.getResolvedSchema().toPhysicalRowDataType()))
        .returns(org.apache.flink.table.runtime.typeutils.InternalTypeInfo.of(
            out.getResolvedSchema().toPhysicalRowDataType().getLogicalType()))
        .setParallelism(changes.getParallelism())
        .name("changelog rows");
  }

  /**
   * Unbounded flows of a triggered run publish through the update's gate, continuous ones at every
   * checkpoint; bounded ones at their end.
   */
  static Optional<PublishGate> gate(TranslationContext ctx, FlowPlan plan) {
    if (plan.kind().bounded() || ctx.phase() != Phase.RUN) {
      return Optional.empty();
    }
    if (ctx.continuous()) {
      return Optional.of(PublishGate.always());
    }
    return Optional.of(PublishGate.at(StorageLayout.uri(ctx.layout().publishGate(ctx.updateId(), plan.name()))));
  }
}
