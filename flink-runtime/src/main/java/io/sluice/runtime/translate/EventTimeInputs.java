package io.sluice.runtime.translate;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.LateRows;
import io.sluice.core.model.Quarantine;
import io.sluice.core.model.WatermarkSpec;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.eventtime.EventTimeGate;
import io.sluice.runtime.eventtime.GateSpec;
import io.sluice.runtime.plan.FlowPlan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * The watermarked inputs of one streaming flow that uses event time. Each one's rows pass the
 * event-time gate ({@link EventTimeGate}) and become a table whose watermark column is a rowtime
 * attribute (precision 3) with the gate's watermarks:
 *
 * <pre>
 * dataset:  source (parallelism 1) ──▶ gate ──▶ fromDataStream(..., WATERMARK FOR col AS SOURCE_WATERMARK())
 * view:     the view's plan ──▶ toDataStream ──▶ gate ──▶ fromDataStream(...)
 * </pre>
 *
 * The source of a gated dataset reads with one reader, so rows reach the watermark in the order the
 * input holds them (files in discovery order, table versions in commit order): whether a row is
 * late depends on the data, not on timing. Late rows go to the dataset's quarantine table when it
 * says {@code 'late.rows' = 'quarantine'}. During validation and set-up the same operators are
 * planned over schema-only inputs; only a run writes the quarantine table.
 */
final class EventTimeInputs {
  private final TranslationContext ctx;
  private final FlowEnvironment fenv;
  private final FlowPlan plan;
  private final boolean live;
  private final List<Problem> problems;
  private final StringBuilder described = new StringBuilder();

  EventTimeInputs(TranslationContext ctx, FlowEnvironment fenv, FlowPlan plan, boolean live, List<Problem> problems) {
    this.ctx = ctx;
    this.fenv = fenv;
    this.plan = plan;
    this.live = live;
    this.problems = problems;
  }

  /** A watermarked dataset: its rows (from its source, or schema-only) with event time. */
  Table dataset(Dataset dataset, String key, DataStream<RowData> rows, RowType type) {
    if (live) {
      rows.getTransformation().setParallelism(1);
    }
    return gate(dataset, key, rows, type).orElseGet(() -> fenv.tEnv.fromDataStream(rows));
  }

  /** A watermarked temporary view: its planned rows with event time; empty (with problems) if it has none. */
  Optional<Table> view(Dataset view, Table rows) {
    if (!WatermarkCheck.check(fenv, view, rows, problems)) {
      return Optional.empty();
    }
    Table plain = TimeAttributes.materialize(fenv.tEnv, rows);
    RowType type = (RowType) plain.getResolvedSchema().toPhysicalRowDataType().getLogicalType();
    DataStream<RowData> stream;
    try {
      stream = fenv.tEnv.toDataStream(plain, plain.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class));
    } catch (RuntimeException e) {
      problems.add(Problem.error(ErrorCode.UNSUPPORTED_FEATURE, view.spec().watermark().get().location(),
          "Cannot use the event time of view '" + view.name() + "' in flow '" + plan.name()
              + "': the view's rows are updated as the stream goes on, and a watermark orders appended rows",
          "Declare the watermark on an append-only view or dataset (no aggregation or join without a window)."));
      return Optional.empty();
    }
    return gate(view, "view-" + view.name(), stream, type);
  }

  /** What the gates of this flow read, for the flow's fingerprint; empty when there is none. */
  String describe() {
    return described.toString();
  }

  private Optional<Table> gate(Dataset dataset, String key, DataStream<RowData> rows, RowType type) {
    WatermarkSpec w = dataset.spec().watermark().orElseThrow();
    int field = WatermarkCheck.fieldIndex(type, w.column());
    Optional<GateSpec.Watermarking> watermarking = watermarking(dataset, w);
    if (field < 0 || !GateSpec.isTimestamp(type.getTypeAt(field)) || watermarking.isEmpty()) {
      return Optional.empty(); // reported where the dataset's schema was planned, or just now
    }
    Optional<String> table = LateRows.quarantines(dataset) ? Quarantine.tableOf(dataset) : Optional.empty();
    RowType quarantineType = table.flatMap(ctx::schema).orElseGet(() -> QualityGate.quarantineSchema(type));
    table.ifPresent(t -> ctx.recordSchema(t, quarantineType));
    GateSpec spec = new GateSpec(plan.name(), dataset.name(), type, field, watermarking.get(),
        table.map(t -> new GateSpec.LateQuarantine(ctx.updateId(), quarantineType)).orElse(null));
    EventTimeGate.Gated gated = EventTimeGate.apply(rows, spec, Uids.eventTime(plan.name(), key));
    if (live && table.isPresent()) {
      ctx.sinks().writeLateRows(gated.late().orElseThrow(), plan, table.get(), quarantineType, FlowJobs.gate(ctx, plan));
    }
    described.append(key).append('@').append(spec.timeColumn()).append('-')
        .append(watermarking.get().delayMillis()).append(';');
    return Optional.of(fenv.tEnv.fromDataStream(gated.rows(), TimeAttributes.withRowtime(spec.outputType(),
        spec.timeColumn())));
  }

  private Optional<GateSpec.Watermarking> watermarking(Dataset dataset, WatermarkSpec w) {
    Duration delay;
    try {
      delay = w.delay();
    } catch (IllegalArgumentException e) {
      problems.add(Problem.error(ErrorCode.WATERMARK_INVALID, w.expression().start(), e.getMessage(),
          "Write WATERMARK FOR " + w.column() + " AS " + w.column() + " - INTERVAL '5' SECOND."));
      return Optional.empty();
    }
    Optional<Duration> idle = DatasetDurations.of(dataset, DatasetDurations.IDLE_TIMEOUT, problems);
    if (idle.isEmpty() && dataset.spec().property(DatasetDurations.IDLE_TIMEOUT).isPresent()) {
      return Optional.empty();
    }
    long interval = fenv.env.getConfig().getAutoWatermarkInterval();
    return Optional.of(new GateSpec.Watermarking(delay.toMillis(), idle.orElse(Duration.ZERO).toMillis(), interval > 0 ? interval : 200));
  }
}
