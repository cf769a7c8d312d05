package io.sluice.expectations;

import static io.sluice.core.model.ViolationAction.FAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator in real jobs: outputs, accumulators and metrics, in BATCH and STREAMING. */
class ExpectationsITCase {
  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final long ROWS = 300;

  @ParameterizedTest
  @EnumSource(value = RuntimeExecutionMode.class, names = {"BATCH", "STREAMING"})
  void splitsRowsAndReportsExactCountsAsAccumulators(RuntimeExecutionMode mode) throws Exception {
    String key = UUID.randomUUID().toString();
    ExpectationSet set = new ExpectationSet(
        "ingest_orders", "orders", "update-1", OrderRows.DATA, OrderRows.CHECKS);
    StreamExecutionEnvironment env = env(new Configuration());
    env.setRuntimeMode(mode);
    SingleOutputStreamOperator<RowData> kept = Expectations.apply(rows(env, key, -1), set, "expect");
    kept.sinkTo(new CollectingSink(key + "/kept", r -> String.valueOf(r.getLong(0))))
        .uid("kept");
    kept.getSideOutput(Expectations.quarantineTag(set))
        .sinkTo(new CollectingSink(key + "/quarantined", ExpectationsITCase::renderQuarantined))
        .uid("quarantined");

    JobExecutionResult result = env.execute("expectations " + mode);

    ExpectationMetrics metrics = Expectations.metrics(result.getAllAccumulatorResults(), set);
    assertThat(metrics).isEqualTo(OrderRows.expected(0, ROWS));
    assertThat(metrics.rowsDropped()).isPositive();
    assertThat(CollectingSink.received(key + "/kept")).containsExactlyInAnyOrderElementsOf(
        OrderRows.kept(LongStream.range(0, ROWS)).stream().map(String::valueOf).toList());
    List<String> quarantined = new ArrayList<>();
    for (long id : OrderRows.quarantined(LongStream.range(0, ROWS))) {
      quarantined.add(id + " " + OrderRows.failedNames(id) + " update-1 ingest_orders");
    }
    assertThat(CollectingSink.received(key + "/quarantined"))
        .containsExactlyInAnyOrderElementsOf(quarantined);
    assertMetricsReported(result, metrics);
  }

  @Test
  void failStopsTheJobWithoutRestartsAndNamesTheRow() throws Exception {
    String key = UUID.randomUUID().toString();
    ExpectationSet set = new ExpectationSet("ingest_orders", "orders", "update-1",
        OrderRows.DATA, List.of(OrderRows.CHECKS.get(0), new Check("valid_id", FAIL),
            OrderRows.CHECKS.get(2)));
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
    StreamExecutionEnvironment env = env(conf);
    Expectations.apply(rows(env, key, -1), set, "expect")
        .sinkTo(new CollectingSink(key, r -> "")).uid("kept");

    assertThatThrownBy(() -> env.execute("fail update"))
        .satisfies(e -> {
          var violation = ExceptionUtils.findThrowable(e, ExpectationViolationException.class);
          assertThat(violation).isPresent();
          assertThat(violation.get().getMessage()).contains(
              "row failed expectation 'valid_id' of dataset 'orders' (ON VIOLATION FAIL UPDATE):"
                  + " {id=");
        });
    assertThat(OrderRows.opened(key)).as("tasks opened: one attempt per subtask").isEqualTo(2);
  }

  /** The dataset's metric counters, per subtask, sum to the job's numbers (no restarts here). */
  private static void assertMetricsReported(JobExecutionResult result, ExpectationMetrics metrics) {
    assertThat(sum(result, "dataset\\.orders\\.rows_in$")).isEqualTo(metrics.rowsIn());
    assertThat(sum(result, "dataset\\.orders\\.rows_kept$")).isEqualTo(metrics.rowsKept());
    assertThat(sum(result, "dataset\\.orders\\.rows_dropped$")).isEqualTo(metrics.rowsDropped());
    assertThat(sum(result, "dataset\\.orders\\.rows_quarantined$"))
        .isEqualTo(metrics.rowsQuarantined());
    assertThat(sum(result, "dataset\\.orders\\.expectation\\.valid_id\\.failed_records$"))
        .isEqualTo(metrics.checks().get(1).failed());
    assertThat(sum(result, "dataset\\.orders\\.expectation\\.has_customer\\.passed_records$"))
        .isEqualTo(metrics.checks().get(0).passed());
    MetricGroup group = REPORTER.getMetricsByGroup().keySet().stream()
        .filter(g -> "valid_id".equals(g.getAllVariables().get("<expectation>")))
        .filter(g -> result.getJobID().toString().equals(g.getAllVariables().get("<job_id>")))
        .findFirst().orElseThrow();
    assertThat(group.getAllVariables()).containsEntry("<dataset>", "orders");
  }

  private static long sum(JobExecutionResult result, String pattern) {
    Map<String, Metric> found = REPORTER.findMetrics(result.getJobID(), pattern);
    assertThat(found).as(pattern).hasSize(2);
    return found.values().stream().mapToLong(m -> ((Counter) m).getCount()).sum();
  }

  static StreamExecutionEnvironment env(Configuration conf) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  /** Ids 0..ROWS-1 from a parallel source, as orders with their check results. */
  private static DataStream<RowData> rows(StreamExecutionEnvironment env, String key, long failAt) {
    return env.fromSequence(0, ROWS - 1).uid("ids")
        .map(new OrderRows(key, failAt), InternalTypeInfo.of(OrderRows.WITH_RESULTS)).uid("rows");
  }

  static String renderQuarantined(RowData row) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < row.getArray(3).size(); i++) {
      names.add(row.getArray(3).getString(i).toString());
    }
    if (row.isNullAt(6)) {
      throw new IllegalStateException("no _quarantined_at in " + row);
    }
    return row.getLong(0) + " " + names + " " + row.getString(4) + " " + row.getString(5);
  }
}
