package io.sluice.runtime.translate;

import io.sluice.core.model.ChangeSpec;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.TableFormat;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.cdc.ChangeApplier;
import io.sluice.runtime.cdc.ChangeKeys;
import io.sluice.runtime.cdc.NullSequences;
import io.sluice.runtime.plan.FlowPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;

/**
 * AUTO CDC flows ({@link io.sluice.runtime.plan.FlowKind#CHANGE}). One path for triggered and
 * continuous runs, the unbounded one: the flow's query reads the source incrementally and adds the
 * sequence and delete columns; the rows are keyed by the flow's keys and applied by {@link
 * ChangeApplier}, whose state (latest sequence, row or tombstone per key; the events of a key for
 * SCD type 2) is in the flow's savepoints like any streaming flow's; its changelog goes to the
 * Delta sink's snapshot mode, which rewrites what changed at each checkpoint, or, for a target
 * stored as Iceberg, to row-level equality deletes and inserts ({@link IcebergChangeTarget}).
 * There is no bounded path: a full refresh starts the same job without state over all of the
 * source.
 */
final class ChangeFlowTranslator implements FlowTranslator {

  @Override
  public Optional<TranslatedFlow> translate(FlowPlan plan, TranslationContext ctx, List<Problem> problems) {
    ChangeSpec spec = plan.flow().changes().orElseThrow();
    if (plan.target().kind() != DatasetKind.STREAMING_TABLE) {
      problems.add(problem(plan, "its target '" + plan.target().name() + "' is not a streaming table",
          "Declare the target with CREATE OR REFRESH STREAMING TABLE " + plan.target().name() + ";"));
      return Optional.empty();
    }
    FlowEnvironment fenv = FlowEnvironment.create(ctx, plan.name(), false);
    Optional<FlowQuery> planned = FlowQuery.plan(ctx, plan, fenv, problems, false);
    if (planned.isEmpty()) {
      return Optional.empty();
    }
    FlowQuery q = planned.get();
    RowType eventType = q.schema();
    ChangeSpec eventSpec = spec;
    if (spec.fromSnapshot()) {
      Optional<RowType> diffed = SnapshotChanges.eventType(spec, q.schema(), plan, ctx, problems);
      if (diffed.isEmpty()) {
        return Optional.empty();
      }
      eventType = diffed.get();
      eventSpec = SnapshotChanges.eventSpec(spec);
    }
    Optional<ChangeColumns> columns = ChangeColumns.of(eventSpec, eventType, plan, problems);
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    ChangeColumns c = columns.get();
    boolean iceberg = ctx.formatOf(plan.target()) == TableFormat.ICEBERG;
    if (iceberg) {
      int before = problems.size();
      IcebergChangeTarget.check(plan, spec, c.target(), problems);
      if (problems.size() > before) {
        return Optional.empty();
      }
    }
    ctx.recordSchema(plan.target().name(), c.target());
    String quarantine = io.sluice.core.model.Quarantine.nameOf(plan.target());
    RowType quarantineType = ctx.schema(quarantine).orElseGet(() -> QualityGate.quarantineSchema(c.source()));
    ctx.recordSchema(quarantine, quarantineType);
    if (ctx.phase() != Phase.RUN) {
      return Optional.of(new TranslatedFlow(plan, Optional.empty(), c.target(), q.inputs(), List.of(),
          q.fingerprint(), Optional.empty(), List.of()));
    }
    DataStream<RowData> events;
    try {
      Table table = q.table();
      events = fenv.tEnv.toDataStream(table, table.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class));
    } catch (RuntimeException e) {
      problems.add(PlannerErrors.toProblem(e, plan.flow().query().sql(), "flow '" + plan.name() + "'"));
      return Optional.empty();
    }
    var gate = FlowJobs.gate(ctx, plan);
    String applierUid = plan.name() + "/cdc/" + Uids.fingerprint(String.join(",", spec.keys()), "scd" + spec.scdType());
    if (spec.fromSnapshot() && spec.sequenceFields() == 0) {
      events = SnapshotChanges.diff(events, c, spec, q.schema(), plan.name(), applierUid, gate);
    }
    NullSequences.Split split = NullSequences.split(events, c.layout().sequenceFields(), c.sourceFields(),
        c.source().getChildren().toArray(new org.apache.flink.table.types.logical.LogicalType[0]),
        quarantineType, ctx.updateId(), plan.name(), plan.name() + "/cdc/null-sequences");
    ctx.sinks().writeRejected(split.rejected(), plan, quarantine, quarantineType, gate, NullSequences.REASON);
    DataStream<RowData> applied = spec.fromSnapshot() && spec.sequenceFields() > 0
        ? SnapshotChanges.diff(split.events(), c, spec, q.schema(), plan.name(), applierUid, gate) : split.events();
    DataStream<RowData> changes = c.truncateField() < 0
        ? applied
            .keyBy(ChangeKeys.keySelector(c.keyFields(), c.keyTypes()), ChangeKeys.keyType(c.keyTypes()))
            .process(new ChangeApplier(c.layout()), InternalTypeInfo.of(c.target()))
            .uid(applierUid).name("apply changes: " + plan.target().name())
        : Truncates.apply(applied, c, applierUid, plan.name(), plan.target().name());
    List<String> rowIdentity = iceberg ? IcebergChangeTarget.rowIdentity(spec, c.target()) : List.of();
    Transformation<?> sink = ctx.sinks().applyChanges(changes, plan, c.target(), rowIdentity, gate)
        .getTransformation();
    UidAssigner.assign(sink, plan.name(), q.fingerprint());
    List<Path> markers = new ArrayList<>();
    for (var in : q.inputs()) {
      ctx.sources().markerPath(plan.name(), in).ifPresent(markers::add);
    }
    return Optional.of(new TranslatedFlow(plan, Optional.of(fenv.env), c.target(), q.inputs(), markers,
        q.fingerprint(), gate, List.of()));
  }

  static Problem problem(FlowPlan plan, String why, String todo) {
    return Problem.error(ErrorCode.FLOW_TARGET_NOT_WRITABLE, plan.flow().location(),
        "Cannot apply the changes of flow '" + plan.name() + "': " + why, todo);
  }
}
