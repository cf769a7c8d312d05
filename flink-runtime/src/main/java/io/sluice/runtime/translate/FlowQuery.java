package io.sluice.runtime.translate;

import io.sluice.core.model.Dataset;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.plan.FlowPlan;
import io.sluice.runtime.source.InputSpec;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.types.logical.RowType;

/**
 * The part of translation every flow kind shares: register the inputs, let Flink's planner check
 * and plan the query, and shape the result into the target's schema (declared columns, or the
 * schema an earlier flow into the same target established). A streaming flow whose plan uses
 * event time reads its watermarked inputs with rowtime attributes ({@link EventTimeProbe}); the
 * target's {@code 'state.ttl'} applies to the flow's job ({@link StateTtl}).
 *
 * @param table the planned result, in the target's column order
 * @param schema the target's stored schema
 * @param inputs what the flow reads
 * @param fingerprint hash of the query and the schemas it reads and writes
 * @param viewChecks the expectations of temporary views the flow reads
 */
record FlowQuery(Table table, RowType schema, List<InputSpec> inputs, String fingerprint,
    List<io.sluice.expectations.ExpectationSet> viewChecks) {

  /** Empty when the flow cannot be planned: the problems say why, or an upstream is missing. */
  static Optional<FlowQuery> plan(TranslationContext ctx, FlowPlan plan, FlowEnvironment fenv,
      List<Problem> problems) {
    return plan(ctx, plan, fenv, problems, true);
  }

  /**
   * @param toTarget whether the rows are the target's (conformed to its declared or stored
   *     schema); an AUTO CDC flow's rows are change events, typed as stored but not conformed
   */
  static Optional<FlowQuery> plan(TranslationContext ctx, FlowPlan plan, FlowEnvironment fenv,
      List<Problem> problems, boolean toTarget) {
    Dataset target = plan.target();
    Optional<RowType> declared = DeclaredSchema.of(target, problems);
    if (!target.spec().columns().isEmpty() && declared.isEmpty()) {
      return Optional.empty();
    }
    if (!DatasetDurations.valid(target, problems)) {
      return Optional.empty();
    }
    Optional<java.time.Duration> ttl = StateTtl.apply(fenv, target, problems);
    // Event time belongs to streaming tables and sinks: a view's result is its query over the whole
    // input, also when a continuous run maintains it incrementally.
    boolean eventTime = plan.kind() == FlowKind.APPEND
        && EventTimeProbe.usesEventTime(ctx, plan, declared);
    InputRegistry registry = new InputRegistry(ctx, fenv, plan, declared, ReadMode.of(ctx, eventTime));
    registry.registerAll(plan.flow().query());
    if (!registry.missingUpstream().isEmpty()) {
      problems.add(Problem.warning(ErrorCode.UPSTREAM_INVALID, plan.flow().location(),
          "Cannot check flow '" + plan.name() + "': its input " + String.join(", ", registry.missingUpstream())
              + " has errors",
          "Fix the errors reported for " + String.join(", ", registry.missingUpstream()) + " first."));
      return Optional.empty();
    }
    if (!registry.problems().isEmpty()) {
      problems.addAll(registry.problems());
      return Optional.empty();
    }
    Table result;
    try {
      result = TimeAttributes.materialize(fenv.tEnv, fenv.tEnv.sqlQuery(plan.flow().query().sql().text()));
    } catch (RuntimeException e) {
      problems.add(PlannerErrors.toProblem(e, plan.flow().query().sql(), "flow '" + plan.name() + "'"));
      return Optional.empty();
    }
    Optional<RowType> shape = toTarget ? declared.or(() -> ctx.schema(target.name())) : Optional.empty();
    if (shape.isPresent()) {
      SchemaConformance.Failure failure = new SchemaConformance.Failure(
          "flow '" + plan.name() + "'", target.name(), plan.flow().location());
      Optional<Table> conformed = SchemaConformance.conform(fenv.tEnv, result, shape.get(), failure, problems);
      if (conformed.isEmpty()) {
        return Optional.empty();
      }
      result = conformed.get();
    }
    Table planned = result;
    RowType stored = declared.filter(d -> toTarget).map(StorageTypes::ofDeclared).orElseGet(() -> shape.orElseGet(() ->
        StorageTypes.ofQuery((RowType) rowTypeOf(planned))));
    RowType schema = StorageTypes.forFormat(stored, ctx.formatOf(target));
    if (!schema.equals(stored) || (!toTarget && !schema.equals(rowTypeOf(result).copy(true)))) {
      SchemaConformance.Failure failure = new SchemaConformance.Failure(
          "flow '" + plan.name() + "'", target.name(), plan.flow().location());
      Optional<Table> cast = SchemaConformance.conform(fenv.tEnv, result, schema, failure, problems);
      if (cast.isEmpty()) {
        return Optional.empty();
      }
      result = cast.get();
    }
    if (!partitionColumnsExist(target, schema, problems) || !WatermarkCheck.check(fenv, target, result, problems)) {
      return Optional.empty();
    }
    // A state TTL changes the serializers of the plan's state: with it on, the operators start afresh.
    String reads = registry.describe() + (ttl.isPresent() && !fenv.bounded ? "state-ttl;" : "");
    String fingerprint = Uids.fingerprint(plan.flow().query().sql().text(), reads,
        schema.asSerializableString(), plan.kind().name());
    return Optional.of(new FlowQuery(result, schema, registry.inputs(), fingerprint, registry.viewChecks()));
  }

  private static org.apache.flink.table.types.logical.LogicalType rowTypeOf(Table t) {
    return t.getResolvedSchema().toPhysicalRowDataType().getLogicalType();
  }

  private static boolean partitionColumnsExist(Dataset target, RowType schema, List<Problem> problems) {
    for (String p : target.spec().partitionColumns()) {
      if (!schema.getFieldNames().contains(p)) {
        problems.add(Problem.error(ErrorCode.PARTITION_COLUMN_UNKNOWN, target.location(),
            "Cannot partition '" + target.name() + "' by '" + p + "': it has no such column",
            "Use one of: " + String.join(", ", schema.getFieldNames()) + "."));
        return false;
      }
    }
    return true;
  }
}
