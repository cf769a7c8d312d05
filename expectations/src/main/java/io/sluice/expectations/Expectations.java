package io.sluice.expectations;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeCasts;
import org.apache.flink.util.OutputTag;

/**
 * Enforces a dataset's expectations in its flow's job: one operator evaluates every expectation
 * of each row, keeps, drops, quarantines (side output {@link #quarantineTag}) or fails, and counts.
 *
 * <p><b>Accumulators</b> (LongCounter, summed over subtasks by Flink) hold the <em>cumulative</em>
 * numbers of the operator's state — restored value plus rows since the restore — so that a job's
 * final accumulators are exact after failovers and savepoint restores; read them with
 * {@link #metrics} and subtract the previous update's values ({@link ExpectationMetrics}):
 *
 * <pre>
 * sluice.dq/&lt;flow&gt;/&lt;dataset&gt;/rows_in              every row seen (also rows that FAIL)
 * sluice.dq/&lt;flow&gt;/&lt;dataset&gt;/rows_kept            rows in the main output
 * sluice.dq/&lt;flow&gt;/&lt;dataset&gt;/rows_dropped         rows removed by ON VIOLATION DROP ROW
 * sluice.dq/&lt;flow&gt;/&lt;dataset&gt;/rows_quarantined     rows sent to the quarantine side output
 * sluice.dq/&lt;flow&gt;/&lt;dataset&gt;/&lt;expectation&gt;/passed   rows whose result was TRUE
 * sluice.dq/&lt;flow&gt;/&lt;dataset&gt;/&lt;expectation&gt;/failed   rows whose result was FALSE or NULL
 * </pre>
 *
 * ('%' and '/' inside a name part are written %25 and %2F.) For rows that did not fail the update,
 * rows_in = rows_kept + rows_dropped + rows_quarantined.
 *
 * <p><b>Metrics</b> (Flink counters for reporters such as Prometheus, counted since the task
 * started, not restored) under the operator's metric group: group {@code dataset=<dataset>} with
 * {@code rows_in}, {@code rows_kept}, {@code rows_dropped}, {@code rows_quarantined}; below it,
 * group {@code expectation=<name>} with {@code passed_records}, {@code failed_records}.
 */
public final class Expectations {
  private Expectations() {}

  /**
   * Adds the expectations operator after {@code rowsWithResults} (data columns, then one nullable
   * BOOLEAN per check in declaration order), with the input's parallelism. Returns the kept rows
   * with the data columns only; quarantined rows are its side output {@link #quarantineTag}.
   *
   * @param uid the operator's uid: keep it stable, the counts live in its state
   */
  public static SingleOutputStreamOperator<RowData> apply(
      DataStream<RowData> rowsWithResults, ExpectationSet set, String uid) {
    checkInput(rowsWithResults.getType(), set);
    OutputTag<RowData> quarantine = set.quarantines() ? quarantineTag(set) : null;
    SingleOutputStreamOperator<RowData> kept = rowsWithResults
        .process(new ExpectationsFunction(set, quarantine), InternalTypeInfo.of(set.dataType()))
        .uid(uid)
        .name("expectations: " + set.dataset());
    kept.getTransformation().setParallelism(rowsWithResults.getParallelism(),
        rowsWithResults.getTransformation().isParallelismConfigured());
    return kept;
  }

  /** The side output of quarantined rows, typed {@link #quarantineType}. */
  public static OutputTag<RowData> quarantineTag(ExpectationSet set) {
    return new OutputTag<>("sluice-quarantine: " + set.dataset(),
        InternalTypeInfo.of(quarantineType(set.dataType())));
  }

  /**
   * The data columns, then {@code _failed_expectations ARRAY<STRING>}, {@code _update_id STRING},
   * {@code _flow STRING}, {@code _quarantined_at TIMESTAMP_LTZ(3)}.
   *
   * @throws IllegalArgumentException if the data already has one of these columns (any case)
   */
  public static RowType quarantineType(RowType dataType) {
    return QuarantineColumns.type(dataType);
  }

  /**
   * The set's cumulative numbers from a finished job's accumulators, as
   * {@code JobExecutionResult.getAllAccumulatorResults()} (Longs) or
   * {@code JobResult.getAccumulatorResults()} (serialized values) give them.
   *
   * @throws IllegalArgumentException if an accumulator of the set is missing
   */
  public static ExpectationMetrics metrics(Map<String, ?> accumulators, ExpectationSet set) {
    return AccumulatorValues.read(accumulators, set);
  }

  private static void checkInput(TypeInformation<RowData> type, ExpectationSet set) {
    if (!(type instanceof InternalTypeInfo<RowData> info)
        || !(info.toLogicalType() instanceof RowType input)) {
      return; // not described: the operator checks each row's arity
    }
    RowType data = set.dataType();
    boolean matches = input.getFieldCount() == set.inputArity();
    for (int i = 0; matches && i < input.getFieldCount(); i++) {
      LogicalType actual = input.getTypeAt(i);
      matches = i < data.getFieldCount()
          ? LogicalTypeCasts.supportsAvoidingCast(actual, data.getTypeAt(i))
          : actual.is(LogicalTypeRoot.BOOLEAN);
    }
    if (!matches) {
      throw new IllegalArgumentException(String.format(
          "Cannot apply the expectations of dataset '%s': the input is %s, expected the data"
              + " columns %s followed by %d BOOLEAN results; plan one result column per"
              + " expectation, in declaration order", set.dataset(), input, data,
          set.checks().size()));
    }
  }
}
