package io.sluice.connectors.delta;

import io.sluice.testing.flink.CountingSource;
import io.sluice.testing.flink.TestJobs;
import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static io.sluice.connectors.delta.TestTables.expected;
import static io.sluice.connectors.delta.TestTables.readIdName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connectors.progress.CatchUpMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
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
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Delta to Delta flows run the way Sluice runs them: triggered (savepoints) and continuous. */
class DeltaSourceITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());
  private static final Duration TIMEOUT = TestJobs.TIMEOUT;

  @TempDir Path dir;
  private String upstream;
  private String downstream;

  private MiniCluster cluster;

  @BeforeEach
  void createTables(@InjectMiniCluster MiniCluster miniCluster) throws Exception {
    cluster = miniCluster;
    upstream = TestTables.uri(dir.resolve("upstream"));
    downstream = TestTables.uri(dir.resolve("downstream"));
    DeltaTable.forPath(upstream).create(ID_NAME, List.of(), Map.of());
    DeltaTable.forPath(downstream).create(ID_NAME, List.of(), Map.of());
    TestTables.append(upstream, ID_NAME, TestTables.rows(0, 10));
    TestTables.append(upstream, ID_NAME, TestTables.rows(10, 20));
  }

  @Test
  void triggeredRunsCatchUpStopAndResumeWithOnlyNewVersions() throws Exception {
    CatchUpMarker first = marker("run-1");
    JobClient run1 = submit(flow(first, Duration.ofHours(1), null));
    await().atMost(TIMEOUT).until(first::isMarked);
    String savepoint = stop(run1);
    assertThat(readIdName(downstream)).containsExactlyInAnyOrderElementsOf(expected(0, 20));

    TestTables.append(upstream, ID_NAME, TestTables.rows(20, 30));
    CatchUpMarker second = marker("run-2");
    JobClient run2 = submit(flow(second, Duration.ofHours(1), savepoint));
    await().atMost(TIMEOUT).until(second::isMarked);
    stop(run2);

    assertThat(readIdName(downstream)).containsExactlyInAnyOrderElementsOf(expected(0, 30));
  }

  @Test
  void continuousRunPicksUpVersionsCommittedAfterItCaughtUp() throws Exception {
    CatchUpMarker marker = marker("continuous");
    JobClient job = submit(flow(marker, Duration.ofMillis(200), null));
    try {
      await().atMost(TIMEOUT).until(marker::isMarked);
      await().atMost(TIMEOUT).until(() -> readIdName(downstream).size() == 20);

      TestTables.append(upstream, ID_NAME, TestTables.rows(20, 25));

      await().atMost(TIMEOUT).until(() -> readIdName(downstream).size() >= 25);
      assertThat(readIdName(downstream)).containsExactlyInAnyOrderElementsOf(expected(0, 25));
    } finally {
      TestJobs.cancel(job);
    }
  }

  @Test
  void batchSnapshotReadRecomputesAMaterializedView() throws Exception {
    TestTables.append(downstream, ID_NAME, TestTables.rows(100, 105)); // stale content
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    DataStream<RowData> rows = env.fromSource(DeltaSource.snapshot(upstream),
            WatermarkStrategy.noWatermarks(), "Delta snapshot: upstream")
        .uid("mv/source").setParallelism(2);
    DeltaSink.builder(downstream, ID_NAME).mode(WriteMode.OVERWRITE).uidPrefix("mv").build(rows);

    env.execute("materialized view");

    assertThat(readIdName(downstream)).containsExactlyInAnyOrderElementsOf(expected(0, 20));
    assertThat(TestTables.operations(dir.resolve("downstream")))
        .containsExactly("CREATE TABLE", "WRITE", "REPLACE TABLE");
  }

  private CatchUpMarker marker(String run) {
    return CatchUpMarker.at(TestTables.uri(dir.resolve("markers").resolve(run)));
  }

  private StreamGraph flow(CatchUpMarker marker, Duration checkpointInterval, String savepoint) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.enableCheckpointing(checkpointInterval.toMillis());
    DataStream<RowData> rows = env.fromSource(
            DeltaSource.incremental(upstream, marker, Duration.ofMillis(100)),
            WatermarkStrategy.noWatermarks(), "Delta source: upstream")
        .uid("flow/source").setParallelism(2);
    DeltaSink.builder(downstream, ID_NAME).applicationId("pipeline/flow/lineage-1")
        .uidPrefix("flow").build(rows);
    StreamGraph graph = env.getStreamGraph();
    if (savepoint != null) {
      graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    }
    return graph;
  }

  private static JobClient submit(StreamGraph graph) throws Exception {
    return StreamExecutionEnvironment.getExecutionEnvironment().executeAsync(graph);
  }

  private String stop(JobClient job) throws Exception {
    return TestJobs.stop(cluster, job, dir.resolve("savepoints").toUri().toString());
  }
}
