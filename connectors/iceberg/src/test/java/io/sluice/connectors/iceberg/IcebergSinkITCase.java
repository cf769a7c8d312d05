package io.sluice.connectors.iceberg;

import io.sluice.testing.flink.CountingSource;
import io.sluice.testing.flink.TestJobs;
import static io.sluice.connectors.iceberg.TestTables.ID_NAME;
import static io.sluice.connectors.iceberg.TestTables.expected;
import static io.sluice.connectors.iceberg.TestTables.readIdName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.types.RowKind;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class IcebergSinkITCase {
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

  @Test
  void stopWithSavepointCommitsTheLastRowsAndAResubmittedJobAppendsOnlyNewOnes()
      throws Exception {
    String table = TestTables.create(dir.resolve("t"));

    JobClient first = submit(streamingJob(table, "run-1", 50, null));
    await().atMost(TestJobs.TIMEOUT).until(() -> CountingSource.emitted("run-1") == 50);
    String savepoint = TestJobs.stop(cluster, first, savepoints());

    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 50));
    Snapshot committed = TestTables.load(table).currentSnapshot();
    assertThat(committed.summary())
        .containsEntry("flink.job-id", first.getJobID().toString())
        .containsKey("flink.max-committed-checkpoint-id");
    Optional<Long> beforeSecond = IcebergTable.forPath(table).currentSnapshotId();

    JobClient second = submit(streamingJob(table, "run-2", 80, savepoint));
    assertThat(second.getJobID()).isNotEqualTo(first.getJobID());
    await().atMost(TestJobs.TIMEOUT).until(() -> CountingSource.emitted("run-2") == 80);
    TestJobs.stop(cluster, second, savepoints());

    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 80));
    assertThat(IcebergTable.forPath(table).rowsAddedSince(beforeSecond)).isEqualTo(30);
    assertThat(TestTables.operations(table)).containsExactly("append", "append");
    assertThat(TestTables.load(table).currentSnapshot().summary())
        .containsEntry("flink.job-id", second.getJobID().toString());
  }

  @Test
  void batchOverwriteReplacesTheContentInOneCommit() throws Exception {
    String table = TestTables.create(dir.resolve("mv"));
    TestTables.append(table, 0, 10);
    Optional<Long> before = IcebergTable.forPath(table).currentSnapshotId();

    runBatch(table, TestTables.rows(100, 103), true);

    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(100, 103));
    assertThat(TestTables.operations(table)).containsExactly("append", "overwrite");
    assertThat(IcebergTable.forPath(table).rowsAddedSince(before)).isEqualTo(3);
  }

  @Test
  void batchOverwriteWithNoRowsEmptiesTheTable() throws Exception {
    String table = TestTables.create(dir.resolve("mv"));
    TestTables.append(table, 0, 10);

    runBatch(table, List.of(), true);

    assertThat(readIdName(table)).isEmpty();
    // Iceberg names a commit that only removes files a delete
    assertThat(TestTables.operations(table)).containsExactly("append", "delete");
  }

  @Test
  void batchOverwriteRemovesPartitionsItWroteNothingTo() throws Exception {
    String table = TestTables.uri(dir.resolve("by-name"));
    IcebergTable.forPath(table).create(ID_NAME, List.of("name"), Map.of());
    runBatch(table, TestTables.rows(0, 4), false); // four partitions, through Iceberg's sink

    runBatch(table, TestTables.rows(7, 8), true);

    assertThat(readIdName(table)).containsExactly("7,n7");
  }

  @Test
  void aChangelogOverTwoJobsDeletesByKeyAndLeavesTheNewestRowOfEachKey() throws Exception {
    String table = TestTables.create(dir.resolve("cdc"));

    runChanges(table, List.of(
        change(RowKind.INSERT, 1L, "a"), change(RowKind.INSERT, 2L, "b"),
        change(RowKind.INSERT, 3L, "c"), change(RowKind.INSERT, null, "no key"),
        change(RowKind.UPDATE_BEFORE, 2L, "b"), change(RowKind.UPDATE_AFTER, 2L, "b2")));
    assertThat(readIdName(table)).containsExactlyInAnyOrder("1,a", "2,b2", "3,c", "null,no key");
    Map<String, String> first = TestTables.load(table).currentSnapshot().summary();
    assertThat(first).as("an update in the same checkpoint deletes by position")
        .containsEntry("total-equality-deletes", "0").containsEntry("total-position-deletes", "1");
    Optional<Long> beforeSecond = IcebergTable.forPath(table).currentSnapshotId();

    runChanges(table, List.of(
        change(RowKind.UPDATE_BEFORE, 1L, "a"), change(RowKind.UPDATE_AFTER, 1L, "a2"),
        change(RowKind.DELETE, 3L, "c"),
        change(RowKind.UPDATE_BEFORE, null, "no key"), change(RowKind.UPDATE_AFTER, null, "still none"),
        change(RowKind.INSERT, 4L, "d")));

    assertThat(readIdName(table))
        .containsExactlyInAnyOrder("1,a2", "2,b2", "4,d", "null,still none");
    Map<String, String> second = TestTables.load(table).currentSnapshot().summary();
    assertThat(second).as("rows of earlier commits are deleted by equality, a null key too")
        .containsEntry("added-equality-deletes", "3").containsEntry("added-records", "3");
    assertThat(TestTables.load(table).currentSnapshot().operation()).isEqualTo("overwrite");
    assertThat(IcebergTable.forPath(table).rowsAddedSince(beforeSecond)).isEqualTo(3);
    assertThat(IcebergTable.forPath(table).count()).isEqualTo(4);
  }

  private static RowData change(RowKind kind, Long id, String name) {
    return GenericRowData.ofKind(kind, id, StringData.fromString(name));
  }

  /** A streaming job over a bounded changelog: Iceberg's committer commits at its end. */
  private static void runChanges(String table, List<RowData> changes) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    DataStream<RowData> input = env.fromData(InternalTypeInfo.of(ID_NAME), changes.toArray(new RowData[0]))
        .uid("changes").name("changes").setParallelism(1);
    IcebergSink.applyChanges(input, table, List.of("id"), "cdc");
    env.execute("changes");
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
    IcebergSink.append(rows.rebalance(), table, "flow");
    StreamGraph graph = env.getStreamGraph();
    if (savepoint != null) {
      graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    }
    return graph;
  }

  private static JobClient submit(StreamGraph graph) throws Exception {
    return StreamExecutionEnvironment.getExecutionEnvironment().executeAsync(graph);
  }

  private static void runBatch(String table, List<RowData> rows, boolean overwrite)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    boolean keep = !rows.isEmpty(); // fromData needs an element: for no rows, filter one out
    DataStream<RowData> input = env.fromData(InternalTypeInfo.of(ID_NAME),
            rows.isEmpty() ? new RowData[] {TestTables.row(-1, "none")} : rows.toArray(
                new RowData[0]))
        .uid("rows").name("rows")
        .filter(row -> keep).uid("kept").name("kept");
    if (overwrite) {
      IcebergSink.overwrite(input.rebalance(), table, "mv");
    } else {
      IcebergSink.append(input, table, "mv");
    }
    env.execute(overwrite ? "overwrite" : "append");
  }

  private String savepoints() {
    return dir.resolve("savepoints").toUri().toString();
  }
}
