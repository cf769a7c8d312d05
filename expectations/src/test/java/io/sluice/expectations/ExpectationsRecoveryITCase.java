package io.sluice.expectations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts stay exact per update when a job fails over (state from the last checkpoint plus the
 * replayed rows) and across triggered runs that stop with a savepoint and restore it rescaled.
 */
class ExpectationsRecoveryITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir Path dir;

  @Test
  void countsStayExactWhenTheJobFailsOverAndReplaysRowsSinceTheCheckpoint() throws Exception {
    String key = UUID.randomUUID().toString();
    ExpectationSet set = set("update-1");
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
    StreamExecutionEnvironment env = env(conf, 2);
    // 0..99, a completed checkpoint, then 100..199 with a failure at 150
    DataStream<RowData> rows = rows(env, new ScriptedSource(key, false, 100, 200), key, 150);
    Expectations.apply(rows, set, "expect")
        .sinkTo(new CollectingSink(key, r -> String.valueOf(r.getLong(0)))).uid("kept");

    JobExecutionResult result = env.execute("failover");

    assertThat(OrderRows.failed(key)).as("the job failed over").isTrue();
    long replayed = OrderRows.seen(key, true) + OrderRows.seen(key, false) - 200;
    assertThat(replayed).as("rows seen twice").isPositive();
    assertThat(OrderRows.seen(key, false)).as("rows seen after the restore").isLessThan(200);
    assertThat(Expectations.metrics(result.getAllAccumulatorResults(), set))
        .isEqualTo(OrderRows.expected(0, 200));
    assertThat(CollectingSink.received(key).stream().distinct().map(Long::valueOf))
        .containsExactlyInAnyOrderElementsOf(OrderRows.kept(LongStream.range(0, 200)));
  }

  @Test
  void triggeredUpdatesGetExactNumbersAcrossASavepointRestoredOnFewerSubtasks()
      throws Exception {
    String first = UUID.randomUUID().toString();
    ExpectationSet update1 = set("update-1");
    Run run1 = triggeredRun(update1, first, 120, 2, null);
    ExpectationMetrics afterUpdate1 = Expectations.metrics(run1.accumulators(), update1);
    assertThat(afterUpdate1).isEqualTo(OrderRows.expected(0, 120));

    String second = UUID.randomUUID().toString();
    ExpectationSet update2 = set("update-2");
    Run run2 = triggeredRun(update2, second, 200, 1, run1.savepoint());
    ExpectationMetrics cumulative = Expectations.metrics(run2.accumulators(), update2);

    assertThat(cumulative).isEqualTo(OrderRows.expected(0, 200));
    ExpectationMetrics recorded = ExpectationMetrics.fromMap(afterUpdate1.toMap(), update2);
    assertThat(cumulative.minus(recorded)).isEqualTo(OrderRows.expected(120, 200));
    assertThat(CollectingSink.received(second).stream().map(Long::valueOf))
        .containsExactlyInAnyOrderElementsOf(OrderRows.kept(LongStream.range(120, 200)));
  }

  private record Run(Map<String, Object> accumulators, String savepoint) {}

  /** One triggered update: read up to {@code upTo}, then stop with a savepoint. */
  private Run triggeredRun(ExpectationSet set, String key, long upTo,
      int parallelism, String restoreFrom) throws Exception {
    StreamExecutionEnvironment env = env(new Configuration(), parallelism);
    SingleOutputStreamOperator<RowData> kept = Expectations.apply(
        rows(env, new ScriptedSource(key, true, upTo), key, -1), set, "expect");
    kept.sinkTo(new CollectingSink(key, r -> String.valueOf(r.getLong(0)))).uid("kept");
    StreamGraph graph = env.getStreamGraph();
    if (restoreFrom != null) {
      graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(restoreFrom));
    }
    JobClient job = env.executeAsync(graph);
    assertThat(ScriptedSource.done(key).await(60, TimeUnit.SECONDS)).isTrue();
    String savepoint = job.stopWithSavepoint(false, dir.toUri().toString(),
        SavepointFormatType.CANONICAL).get(60, TimeUnit.SECONDS);
    return new Run(job.getJobExecutionResult().get(60, TimeUnit.SECONDS)
        .getAllAccumulatorResults(), savepoint);
  }

  private static ExpectationSet set(String updateId) {
    return new ExpectationSet("ingest_orders", "orders", updateId, OrderRows.DATA, OrderRows.CHECKS);
  }

  private static StreamExecutionEnvironment env(Configuration conf, int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.enableCheckpointing(20);
    return env;
  }

  /** The source (one subtask), rebalanced onto the parallel mapper, then the results. */
  @SuppressWarnings("deprecation") // a legacy source: simplest way to wait for a checkpoint
  private static DataStream<RowData> rows(StreamExecutionEnvironment env, ScriptedSource source,
      String key, long failAt) {
    return env.addSource(source, "ids", Types.LONG).uid("ids")
        .rebalance()
        .map(new OrderRows(key, failAt), InternalTypeInfo.of(OrderRows.WITH_RESULTS)).uid("rows");
  }
}
