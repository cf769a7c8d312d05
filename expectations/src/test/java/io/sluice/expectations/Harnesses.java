package io.sluice.expectations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/** Operator test harnesses for the expectations operator, and rows to feed them. */
final class Harnesses {
  static final int MAX_PARALLELISM = 128;
  static final RowType ORDERS = RowType.of(
      new LogicalType[] {
          new IntType(), new DecimalType(10, 2), VarCharType.STRING_TYPE, new DateType()},
      new String[] {"order_id", "amount", "customer", "day"});

  private Harnesses() {}

  /** A harness for a single subtask, opened without state. */
  static OneInputStreamOperatorTestHarness<RowData, RowData> open(ExpectationSet set)
      throws Exception {
    OneInputStreamOperatorTestHarness<RowData, RowData> harness = create(set, 1, 0);
    harness.open();
    return harness;
  }

  /** A harness for subtask {@code subtask} of {@code parallelism}, not yet initialized. */
  static OneInputStreamOperatorTestHarness<RowData, RowData> create(
      ExpectationSet set, int parallelism, int subtask) throws Exception {
    ExpectationsFunction function = new ExpectationsFunction(
        set, set.quarantines() ? Expectations.quarantineTag(set) : null);
    return new OneInputStreamOperatorTestHarness<>(
        new ProcessOperator<>(function), MAX_PARALLELISM, parallelism, subtask);
  }

  /** The cumulative numbers, summed over the subtasks' accumulators as Flink merges them. */
  @SafeVarargs
  static ExpectationMetrics metrics(
      ExpectationSet set, OneInputStreamOperatorTestHarness<RowData, RowData>... subtasks) {
    Map<String, Object> merged = new HashMap<>();
    for (OneInputStreamOperatorTestHarness<RowData, RowData> subtask : subtasks) {
      for (Map.Entry<String, Accumulator<?, ?>> e :
          subtask.getEnvironment().getAccumulatorRegistry().getUserMap().entrySet()) {
        merged.merge(e.getKey(), e.getValue().getLocalValue(), (a, b) -> (Long) a + (Long) b);
      }
    }
    return Expectations.metrics(merged, set);
  }

  /** An orders row followed by check results. */
  static GenericRowData order(
      Integer id, String amount, String customer, String day, Boolean... results) {
    GenericRowData row = new GenericRowData(4 + results.length);
    row.setField(0, id);
    row.setField(1, amount == null ? null
        : DecimalData.fromBigDecimal(new BigDecimal(amount), 10, 2));
    row.setField(2, customer == null ? null : StringData.fromString(customer));
    row.setField(3, day == null ? null : (int) LocalDate.parse(day).toEpochDay());
    for (int i = 0; i < results.length; i++) {
      row.setField(4 + i, results[i]);
    }
    return row;
  }
}
