package io.sluice.expectations;

import io.sluice.core.model.ViolationAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Evaluates all expectations of a dataset once per row. A row that fails no check, or only WARN
 * checks, is kept (data columns only); otherwise it takes the strongest action among the checks it
 * failed: DROP removes it, QUARANTINE sends it to the side output, FAIL throws
 * {@link ExpectationViolationException}. A NULL result counts as a failure.
 *
 * <p>Counts are cumulative over the life of the operator state, checkpointed as list state with
 * one (key, value) entry per number and subtask. On restore a subtask sums whatever entries it is
 * given (several after scaling in, none after scaling out), so the total across subtasks is the
 * checkpointed total; the accumulators start from there. The state name and the entry type are part
 * of the savepoint format.
 */
final class ExpectationsFunction extends ProcessFunction<RowData, RowData>
    implements CheckpointedFunction {
  static final String STATE_NAME = "sluice-expectation-counts";

  private final ExpectationSet set;
  private final OutputTag<RowData> quarantine;
  private transient ListState<Tuple2<String, Long>> state;
  private transient Map<String, Long> restored;
  private transient Tallies tallies;
  private transient OutputRows rows;
  private transient ViolationAction[] actions;
  private transient int[] failed;

  /** {@code quarantine} may be null when no check quarantines. */
  ExpectationsFunction(ExpectationSet set, OutputTag<RowData> quarantine) {
    this.set = set;
    this.quarantine = quarantine;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    state = context.getOperatorStateStore().getListState(
        new ListStateDescriptor<>(STATE_NAME, Types.TUPLE(Types.STRING, Types.LONG)));
    restored = Tallies.sum(state.get());
  }

  @Override
  public void open(OpenContext context) {
    tallies = Tallies.register(set, getRuntimeContext(), restored == null ? Map.of() : restored);
    rows = new OutputRows(set);
    actions = set.checks().stream().map(Check::action).toArray(ViolationAction[]::new);
    failed = new int[actions.length];
  }

  @Override
  public void processElement(RowData row, Context context, Collector<RowData> out) {
    if (row.getArity() != set.inputArity()) {
      throw new IllegalStateException(String.format(
          "Cannot evaluate the expectations of dataset '%s': the row has %d columns, expected %d"
              + " data columns followed by %d BOOLEAN results; plan one result per expectation",
          set.dataset(), row.getArity(), set.dataType().getFieldCount(), actions.length));
    }
    int first = set.dataType().getFieldCount();
    int failedCount = 0;
    ViolationAction strongest = ViolationAction.WARN;
    for (int i = 0; i < actions.length; i++) {
      boolean passed = !row.isNullAt(first + i) && row.getBoolean(first + i);
      if (passed) {
        tallies.inc(CounterKeys.passedIndex(i));
      } else {
        tallies.inc(CounterKeys.failedIndex(i));
        failed[failedCount++] = i;
        strongest = actions[i].compareTo(strongest) > 0 ? actions[i] : strongest;
      }
    }
    tallies.inc(CounterKeys.IN);
    if (strongest == ViolationAction.WARN) {
      tallies.inc(CounterKeys.KEPT);
      out.collect(rows.kept(row));
    } else if (strongest == ViolationAction.DROP) {
      tallies.inc(CounterKeys.DROPPED);
    } else if (strongest == ViolationAction.QUARANTINE) {
      tallies.inc(CounterKeys.QUARANTINED);
      long now = context.timerService().currentProcessingTime();
      context.output(quarantine, rows.quarantined(row, failed, failedCount, now));
    } else if (strongest == ViolationAction.FAIL) {
      throw violation(row, failedCount);
    } else {
      throw new IllegalStateException("Unknown violation action: " + strongest);
    }
  }

  private ExpectationViolationException violation(RowData row, int failedCount) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < failedCount; i++) {
      if (actions[failed[i]] == ViolationAction.FAIL) {
        names.add(set.checks().get(failed[i]).name());
      }
    }
    return new ExpectationViolationException(
        set.dataset(), names, RowFormatter.format(row, set.dataType()));
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    state.update(tallies.snapshot());
  }
}
