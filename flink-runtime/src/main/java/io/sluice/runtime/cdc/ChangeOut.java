package io.sluice.runtime.cdc;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

/**
 * The changelog into the target: every row emitted is a new {@code GenericRowData} with its kind,
 * so no row emitted earlier (which a downstream operator may still hold) ever changes. Counts the
 * rows emitted as INSERT or UPDATE_AFTER (upserted) and as DELETE (deleted).
 */
final class ChangeOut {
  private final Counter upserted;
  private final Counter deleted;
  private final LongCounter upsertedTotal;
  private final LongCounter deletedTotal;
  private Collector<RowData> out;

  ChangeOut(Counter upserted, Counter deleted, LongCounter upsertedTotal, LongCounter deletedTotal) {
    this.upserted = upserted;
    this.deleted = deleted;
    this.upsertedTotal = upsertedTotal;
    this.deletedTotal = deletedTotal;
  }

  /**
   * Counting into the task's metrics {@link ChangeApplier#UPSERTED_METRIC} and {@link
   * ChangeApplier#DELETED_METRIC} and the job's accumulators (getLongCounter adds an accumulator,
   * or returns the one another applier in this task added).
   */
  static ChangeOut of(org.apache.flink.api.common.functions.RuntimeContext context) {
    return new ChangeOut(context.getMetricGroup().counter(ChangeApplier.UPSERTED_METRIC),
        context.getMetricGroup().counter(ChangeApplier.DELETED_METRIC),
        context.getLongCounter(ChangeApplier.UPSERTED_ACCUMULATOR),
        context.getLongCounter(ChangeApplier.DELETED_ACCUMULATOR));
  }

  /** Where the following changes go: the collector of the element being processed. */
  void into(Collector<RowData> collector) {
    out = collector;
  }

  void insert(GenericRowData row) {
    emit(RowKind.INSERT, row);
    upserted.inc();
    upsertedTotal.add(1L);
  }

  void update(GenericRowData before, GenericRowData after) {
    emit(RowKind.UPDATE_BEFORE, before);
    emit(RowKind.UPDATE_AFTER, after);
    upserted.inc();
    upsertedTotal.add(1L);
  }

  void delete(GenericRowData row) {
    emit(RowKind.DELETE, row);
    deleted.inc();
    deletedTotal.add(1L);
  }

  private void emit(RowKind kind, GenericRowData row) {
    GenericRowData copy = new GenericRowData(kind, row.getArity());
    for (int i = 0; i < row.getArity(); i++) {
      copy.setField(i, row.getField(i));
    }
    out.collect(copy);
  }
}
