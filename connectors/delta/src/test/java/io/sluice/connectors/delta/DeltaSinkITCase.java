package io.sluice.connectors.delta;

import io.sluice.testing.flink.CountingSource;
import io.sluice.testing.flink.TestJobs;
import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static io.sluice.connectors.delta.TestTables.expected;
import static io.sluice.connectors.delta.TestTables.readIdName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DeltaSinkITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir Path dir;
  private MiniCluster cluster;

  @BeforeEach
  void cluster(@InjectMiniCluster MiniCluster miniCluster) {
    cluster = miniCluster;
  }

  private String savepoints() {
    return dir.resolve("savepoints").toUri().toString();
  }

  @Test
  void stopWithSavepointCommitsTheLastDataAndResumingAppendsOnlyNewRows() throws Exception {
    String table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, List.of(), Map.of());

    JobClient first = submit(streamingJob(table, "run-1", 50, null));
    await().atMost(TestJobs.TIMEOUT).until(() -> CountingSource.emitted("run-1") == 50);
    String savepoint = TestJobs.stop(cluster, first, savepoints());

    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 50));
    assertThat(rowsCommitted(first)).isEqualTo(50L);

    JobClient second = submit(streamingJob(table, "run-2", 80, savepoint));
    await().atMost(TestJobs.TIMEOUT).until(() -> CountingSource.emitted("run-2") == 80);
    TestJobs.stop(cluster, second, savepoints());

    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 80));
    assertThat(rowsCommitted(second)).isEqualTo(30L);
    assertThat(TestTables.operations(dir.resolve("t")))
        .containsExactly("CREATE TABLE", "STREAMING UPDATE", "STREAMING UPDATE");
  }

  @Test
  void batchOverwriteReplacesTheContentInOneCommit() throws Exception {
    String table = TestTables.uri(dir.resolve("mv"));
    runBatch(table, TestTables.rows(0, 10));
    long before = DeltaTable.forPath(table).latestVersion();

    runBatch(table, TestTables.rows(100, 103));

    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(100, 103));
    assertThat(DeltaTable.forPath(table).latestVersion()).isEqualTo(before + 1);
    assertThat(TestTables.operations(dir.resolve("mv")))
        .containsExactly("CREATE TABLE", "REPLACE TABLE");
  }

  @SuppressWarnings("deprecation") // a legacy SourceFunction keeps the test source small
  private static StreamGraph streamingJob(String table, String key, long limit,
      String savepoint) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.enableCheckpointing(Duration.ofHours(1).toMillis()); // only the savepoints commit
    DataStream<RowData> rows = env.addSource(new CountingSource(key, limit),
            InternalTypeInfo.of(ID_NAME))
        .uid("source").name("counting source").setParallelism(1);
    DeltaSink.builder(table, ID_NAME).applicationId("pipeline/flow/lineage-1").uidPrefix("flow")
        .targetFileRows(20).writerParallelism(2).build(rows.rebalance());
    StreamGraph graph = env.getStreamGraph();
    if (savepoint != null) {
      graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    }
    return graph;
  }

  private static JobClient submit(StreamGraph graph) throws Exception {
    return StreamExecutionEnvironment.getExecutionEnvironment().executeAsync(graph);
  }

  private static void runBatch(String table, List<RowData> rows) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    env.enableCheckpointing(100); // ignored in BATCH mode: the sink must still commit at the end
    DataStream<RowData> input = env.fromData(InternalTypeInfo.of(ID_NAME),
        rows.toArray(new RowData[0])).uid("rows").name("rows");
    DeltaSink.builder(table, ID_NAME).mode(WriteMode.OVERWRITE).uidPrefix("mv").build(input);
    JobExecutionResult result = env.execute("overwrite");
    assertThat(result.<Long>getAccumulatorResult(DeltaSink.rowsCommittedAccumulator("mv")))
        .isEqualTo((long) rows.size());
  }

  private static long rowsCommitted(JobClient job) throws Exception {
    return job.getJobExecutionResult().get()
        .<Long>getAccumulatorResult(DeltaSink.rowsCommittedAccumulator("flow"));
  }
}
