package io.sluice.runtime.sink;

import io.sluice.connectors.delta.DeltaSink;
import io.sluice.connectors.delta.WriteMode;
import io.sluice.core.model.TableFormat;
import io.sluice.runtime.plan.FlowPlan;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.TranslationContext;
import io.sluice.runtime.translate.Uids;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/** Writes a flow's rows into its target table, in the target's format. */
public final class TableSinks {
  private final TranslationContext ctx;

  public TableSinks(TranslationContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param gate for Delta targets of triggered runs: publish everything at the end of the run
   *     (Iceberg's own committer and Kafka sinks publish on every checkpoint)
   */
  public DataStreamSink<?> write(DataStream<RowData> rows, FlowPlan plan, RowType schema, WriteMode mode,
      java.util.Optional<io.sluice.connectors.progress.PublishGate> gate) {
    if (SinkTargets.commitsEachCheckpoint(plan.target())) {
      return KafkaSinks.write(rows, plan, schema, ctx);
    }
    String uidPrefix = Uids.sink(plan.name(), plan.target().name());
    String path = targetPath(plan);
    if (ctx.formatOf(plan.target()) == TableFormat.ICEBERG) {
      return IcebergWrites.write(rows, path, mode, uidPrefix);
    }
    DeltaSink.Builder builder = DeltaSink.builder(path, schema);
    gate.ifPresent(builder::publishGate);
    return builder
        .partitionColumns(plan.target().spec().partitionColumns())
        .mode(mode)
        .applicationId(ctx.applicationId(plan.name(), plan.lineage()))
        .uidPrefix(uidPrefix)
        .build(rows);
  }

  /**
   * Applies an AUTO CDC flow's changelog (exact UPDATE_BEFORE and DELETE rows) to its target. Delta
   * targets take it in snapshot mode (a writer rewrites its part of the table when a checkpoint
   * changed it, see {@link WriteMode#SNAPSHOT}); Iceberg targets get row-level deletes by
   * {@code rowIdentity} (the keys, plus {@code __START_AT} for SCD type 2) and the new rows,
   * committed per checkpoint by Iceberg's committer.
   */
  public DataStreamSink<?> applyChanges(DataStream<RowData> changes, FlowPlan plan, RowType schema,
      List<String> rowIdentity, java.util.Optional<io.sluice.connectors.progress.PublishGate> gate) {
    if (ctx.formatOf(plan.target()) == TableFormat.ICEBERG) {
      return IcebergWrites.applyChanges(changes, targetPath(plan), rowIdentity,
          Uids.sink(plan.name(), plan.target().name()));
    }
    return write(changes, plan, schema, WriteMode.SNAPSHOT, gate);
  }

  private String targetPath(FlowPlan plan) {
    return StorageLayout.uri(SinkTargets.tablePath(plan.target(), ctx.spec(), ctx.layout())
        .orElseThrow(() -> new IllegalStateException("No table path for " + plan.target().name())));
  }

  /**
   * Writes rows of a flow into a table of the pipeline that is not the flow's target (a
   * quarantine table), as Delta, under the same application id and publish gate.
   */
  public DataStreamSink<?> writeTable(DataStream<RowData> rows, FlowPlan plan, String table, RowType schema,
      WriteMode mode, java.util.Optional<io.sluice.connectors.progress.PublishGate> gate) {
    DeltaSink.Builder builder = DeltaSink.builder(StorageLayout.uri(ctx.layout().table(table)), schema);
    gate.ifPresent(builder::publishGate);
    return builder
        .mode(mode)
        .applicationId(ctx.applicationId(plan.name(), plan.lineage()))
        .uidPrefix(Uids.sink(plan.name(), table))
        .build(rows);
  }

  /**
   * Appends the late rows of a watermarked input to its dataset's quarantine table. A writer of its
   * own ({@code <flow>/sink/<table>/late}, application id {@code .../late}), so that its
   * transactions never meet those of the expectations' quarantine writer of the same table in the
   * same job (a temporary view read inline can have both).
   */
  public DataStreamSink<?> writeLateRows(DataStream<RowData> rows, FlowPlan plan, String table, RowType schema,
      java.util.Optional<io.sluice.connectors.progress.PublishGate> gate) {
    return writeRejected(rows, plan, table, schema, gate, "late");
  }

  /**
   * Appends rows a flow took out before its query or its target (late rows, change events without
   * a sequence) to a quarantine table, with their own transaction ids and UIDs ({@code what}).
   */
  public DataStreamSink<?> writeRejected(DataStream<RowData> rows, FlowPlan plan, String table, RowType schema,
      java.util.Optional<io.sluice.connectors.progress.PublishGate> gate, String what) {
    DeltaSink.Builder builder = DeltaSink.builder(StorageLayout.uri(ctx.layout().table(table)), schema);
    gate.ifPresent(builder::publishGate);
    return builder
        .mode(WriteMode.APPEND)
        .applicationId(ctx.applicationId(plan.name(), plan.lineage()) + "/" + what)
        .uidPrefix(Uids.sink(plan.name(), table) + "/" + what)
        .build(rows);
  }

  /** The accumulator in which the sink counts the rows it committed. */
  public static String committedRowsAccumulator(FlowPlan plan) {
    return DeltaSink.rowsCommittedAccumulator(Uids.sink(plan.name(), plan.target().name()));
  }
}
