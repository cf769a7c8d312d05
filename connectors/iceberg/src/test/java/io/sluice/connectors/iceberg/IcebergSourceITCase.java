package io.sluice.connectors.iceberg;

import io.sluice.testing.flink.CountingSource;
import io.sluice.testing.flink.TestJobs;
import static io.sluice.connectors.iceberg.TestTables.ID_NAME;
import static io.sluice.connectors.iceberg.TestTables.expected;
import static io.sluice.connectors.iceberg.TestTables.readIdName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connectors.progress.CatchUpMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
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

/** Iceberg to Iceberg flows run the way Sluice runs them: triggered runs and batch recomputes. */
class IcebergSourceITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  @TempDir Path dir;
  private String upstream;
  private String downstream;
  private MiniCluster cluster;

  @BeforeEach
  void createTables(@InjectMiniCluster MiniCluster miniCluster) {
    cluster = miniCluster;
    upstream = TestTables.create(dir.resolve("upstream"));
    downstream = TestTables.create(dir.resolve("downstream"));
    TestTables.append(upstream, 0, 10);
    TestTables.append(upstream, 10, 20);
  }

  @Test
  void triggeredRunsCatchUpStopAndResumeWithOnlyNewSnapshots() throws Exception {
    CatchUpMarker first = marker("run-1");
    JobClient run1 = submit(flow("run-1", first, null));
    await().atMost(TestJobs.TIMEOUT).until(first::isMarked);
    assertThat(Counter.count("run-1")).as("rows read when the marker appeared").isEqualTo(20);
    String savepoint = stop(run1);
    assertThat(readIdName(downstream)).containsExactlyInAnyOrderElementsOf(expected(0, 20));

    TestTables.append(upstream, 20, 30);
    CatchUpMarker second = marker("run-2");
    JobClient run2 = submit(flow("run-2", second, savepoint));
    await().atMost(TestJobs.TIMEOUT).until(second::isMarked);
    assertThat(Counter.count("run-2")).as("only the new snapshot's rows").isEqualTo(10);
    stop(run2);

    assertThat(readIdName(downstream)).containsExactlyInAnyOrderElementsOf(expected(0, 30));
  }

  @Test
  void batchSnapshotReadRecomputesAMaterializedView() throws Exception {
    TestTables.append(downstream, 100, 105); // stale content
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    DataStream<RowData> rows = env.fromSource(IcebergInputs.snapshot(upstream),
            WatermarkStrategy.noWatermarks(), "Iceberg snapshot: upstream")
        .uid("mv/source").setParallelism(2);
    IcebergSink.overwrite(rows, downstream, "mv");

    env.execute("materialized view");

    assertThat(readIdName(downstream)).containsExactlyInAnyOrderElementsOf(expected(0, 20));
    assertThat(TestTables.operations(downstream)).containsExactly("append", "overwrite");
  }

  private CatchUpMarker marker(String run) {
    return CatchUpMarker.at(TestTables.uri(dir.resolve("markers").resolve(run)));
  }

  private StreamGraph flow(String run, CatchUpMarker marker, String savepoint) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.enableCheckpointing(Duration.ofHours(1).toMillis()); // only the savepoints commit
    DataStream<RowData> rows = env.fromSource(
            IcebergInputs.incremental(upstream, marker, Duration.ofMillis(100)),
            WatermarkStrategy.noWatermarks(), "Iceberg source: upstream")
        .uid("flow/source").setParallelism(2)
        .map(new Counter(run)).returns(InternalTypeInfo.of(ID_NAME))
        .uid("flow/count").setParallelism(2);
    IcebergSink.append(rows, downstream, "flow");
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

  /** Counts the rows that pass, per run, in this JVM. */
  private static final class Counter implements MapFunction<RowData, RowData> {
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    private final String run;

    Counter(String run) {
      this.run = run;
    }

    static long count(String run) {
      return COUNTS.computeIfAbsent(run, r -> new AtomicLong()).get();
    }

    @Override
    public RowData map(RowData row) {
      COUNTS.computeIfAbsent(run, r -> new AtomicLong()).incrementAndGet();
      return row;
    }
  }
}
