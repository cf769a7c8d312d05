package io.sluice.runtime.exec;

import io.sluice.connectors.iceberg.IcebergTable;
import io.sluice.core.model.TableFormat;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.plan.FlowPlan;
import io.sluice.runtime.sink.SinkTargets;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.TranslationContext;
import java.util.Optional;

/**
 * How many rows a flow committed. Delta sinks count them in an accumulator; for Iceberg targets
 * the count comes from the snapshots the run added (summaries of appends; the row count after an
 * overwrite).
 */
final class CommittedRows {
  private final Optional<IcebergTable> iceberg;
  private final Optional<Long> snapshotBefore;
  private final boolean overwrite;

  private CommittedRows(Optional<IcebergTable> iceberg, boolean overwrite) {
    this.iceberg = iceberg;
    this.snapshotBefore = iceberg.flatMap(IcebergTable::currentSnapshotId);
    this.overwrite = overwrite;
  }

  /** Remembers where the target stands before the flow runs. */
  static CommittedRows before(TranslationContext ctx, FlowPlan plan) {
    if (ctx.formatOf(plan.target()) != TableFormat.ICEBERG || SinkTargets.commitsEachCheckpoint(plan.target())) {
      return new CommittedRows(Optional.empty(), false);
    }
    String path = StorageLayout.uri(SinkTargets.tablePath(plan.target(), ctx.spec(), ctx.layout()).orElseThrow());
    return new CommittedRows(Optional.of(IcebergTable.forPath(path)), plan.kind() == FlowKind.COMPLETE);
  }

  /** Rows committed since {@link #before}: the sink's own count, or Iceberg's snapshots. */
  long sinceStart(long countedBySink) {
    if (iceberg.isEmpty()) {
      return countedBySink;
    }
    return overwrite ? iceberg.get().count() : iceberg.get().rowsAddedSince(snapshotBefore);
  }

  FlowJobRunner.Outcome after(FlowJobRunner.Outcome outcome) {
    if (iceberg.isEmpty()) {
      return outcome;
    }
    long rows = overwrite ? iceberg.get().count() : iceberg.get().rowsAddedSince(snapshotBefore);
    return new FlowJobRunner.Outcome(outcome.savepoint(), outcome.rowsRead(), rows, outcome.accumulators());
  }
}
