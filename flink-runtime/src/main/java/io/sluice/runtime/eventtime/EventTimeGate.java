package io.sluice.runtime.eventtime;

import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.OutputTag;

/**
 * Event time for one input of a flow: one operator, right after the input is read, that assigns
 * the input's watermark and takes its late rows out (see {@link GateOperator} for the rules).
 *
 * <pre>
 * source ──▶ event-time gate ──▶ rows, event-time column at precision 3 ──▶ the flow's query (rowtime)
 *            (parallelism 1)  └─▶ late rows ──▶ quarantine table (when asked), else dropped
 * </pre>
 *
 * <p>The gate runs with parallelism 1: the watermark is the input's, over all of its splits, so an
 * idle split or reader never holds it back and rows read side by side are judged in one order.
 *
 * <p>Counting: the late rows are counted in the gate's operator state; the metric {@value #METRIC}
 * counts them since the task started, the accumulator {@value #ACCUMULATOR} (a LongCounter, summed
 * over every gate of the job) holds the cumulative total of the state, like the expectations'
 * accumulators: subtract the value of the previous run of the same state lineage to get a run's
 * late rows.
 */
public final class EventTimeGate {
  /** Job accumulator: late rows, cumulative over the job's restored state. */
  public static final String ACCUMULATOR = "sluice-late-rows";
  /** Operator metric: late rows since the task started. */
  public static final String METRIC = "lateRows";
  /** The reason quarantined late rows carry in {@code _failed_expectations}. */
  public static final String LATE = "late";

  private EventTimeGate() {}

  /** The rows on time, typed {@link GateSpec#outputType()}, and the quarantined late rows if any. */
  public record Gated(SingleOutputStreamOperator<RowData> rows, Optional<DataStream<RowData>> late) {}

  /**
   * Adds the gate after {@code input}.
   *
   * @param uid the gate's uid: keep it stable, the newest event time and the count live in its state
   */
  public static Gated apply(DataStream<RowData> input, GateSpec spec, String uid) {
    OutputTag<RowData> quarantine = spec.quarantines()
        ? new OutputTag<>("sluice-late: " + spec.dataset(), InternalTypeInfo.of(spec.quarantine().type()))
        : null;
    SingleOutputStreamOperator<RowData> rows = input
        .transform("event time: " + spec.dataset(), InternalTypeInfo.of(spec.outputType()),
            new GateOperator(spec, quarantine))
        .uid(uid)
        .name("event time: " + spec.dataset())
        .setParallelism(1);
    return new Gated(rows, Optional.ofNullable(quarantine).map(rows::getSideOutput));
  }
}
