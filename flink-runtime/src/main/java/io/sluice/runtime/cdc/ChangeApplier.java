package io.sluice.runtime.cdc;

import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

/**
 * AUTO CDC (APPLY CHANGES): applies the change events of one key to the target and emits the
 * target's changelog: INSERT for a new row, UPDATE_BEFORE (the exact row emitted before) and
 * UPDATE_AFTER for a change, DELETE (the exact row emitted before) for a removal.
 *
 * <pre>
 * change events ──keyBy(ChangeKeys.keySelector)──▶ ChangeApplier ──▶ the target's changelog
 *                                                                   (of layout.targetTypes())
 * </pre>
 *
 * <p>SCD type 1 keeps the latest row per key, SCD type 2 its history; see {@link Scd1State} and
 * {@link Scd2History} for the rules and the state they keep. Assumptions: the stream is keyed by
 * the KEYS columns with {@link ChangeKeys#keySelector}; no event has a NULL sequence (it fails the
 * task with an {@code IllegalArgumentException}: quarantine such rows first).
 *
 * <p>Counting, since the task started: the metrics {@value #UPSERTED_METRIC} (rows emitted as
 * INSERT or UPDATE_AFTER) and {@value #DELETED_METRIC} (rows emitted as DELETE), and the job
 * accumulators {@value #UPSERTED_ACCUMULATOR} and {@value #DELETED_ACCUMULATOR} (LongCounters,
 * summed over every applier of the job).
 */
public final class ChangeApplier extends KeyedProcessFunction<RowData, RowData, RowData> {
  public static final String UPSERTED_METRIC = "upsertedRows";
  public static final String DELETED_METRIC = "deletedRows";
  public static final String UPSERTED_ACCUMULATOR = "sluice-cdc-upserted";
  public static final String DELETED_ACCUMULATOR = "sluice-cdc-deleted";
  private static final long serialVersionUID = 1L;

  private final ChangeLayout layout;
  private transient ChangeEvents events;
  private transient ChangeOut changes;
  private transient Scd1State scd1;
  private transient Scd2History scd2;

  public ChangeApplier(ChangeLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    RuntimeContext context = getRuntimeContext();
    events = new ChangeEvents(layout);
    changes = ChangeOut.of(context);
    if (layout.scdType() == 1) {
      scd1 = new Scd1State(layout, context);
    } else if (layout.scdType() == 2) {
      scd2 = new Scd2History(layout, events, context);
    } else {
      throw new IllegalStateException("Cannot apply changes: unknown SCD type " + layout.scdType());
    }
  }

  @Override
  public void processElement(RowData row, Context ctx, Collector<RowData> out) throws Exception {
    ChangeEvent event = events.read(row);
    changes.into(out);
    if (scd1 != null) {
      scd1.apply(event, ctx.timerService(), changes);
    } else {
      scd2.apply(event, changes);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
    if (scd1 != null) {
      scd1.expire(timestamp);
    }
  }
}
