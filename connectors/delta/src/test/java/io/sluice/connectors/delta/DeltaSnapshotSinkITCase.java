package io.sluice.connectors.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.sluice.testing.flink.TestJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming SQL aggregation written with {@link WriteMode#SNAPSHOT}: every version of the table
 * equals the aggregation over the rows the source had emitted before the barrier of the
 * checkpoint the version records, across checkpoints, a stop with savepoint, a restore with more
 * writers and an injected failure.
 */
class DeltaSnapshotSinkITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  static final RowType TOTALS = (RowType) DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.STRING()),
      DataTypes.FIELD("cnt", DataTypes.BIGINT()),
      DataTypes.FIELD("total", DataTypes.BIGINT())).notNull().getLogicalType();
  private static final String APP = "pipeline/totals/lineage-1";
  private static final int KEYS = 4;
  private static final int BATCH = 6;

  @TempDir Path dir;
  private MiniCluster cluster;

  @BeforeEach
  void cluster(@InjectMiniCluster MiniCluster miniCluster) {
    cluster = miniCluster;
  }

  @Test
  void tableFollowsAnAggregationAcrossCheckpointsSavepointRescaleAndFailure() throws Exception {
    String table = TestTables.uri(dir.resolve("totals"));
    DeltaTable.forPath(table).create(TOTALS, List.of(), Map.of());

    JobClient first = submit(job(table, "run-1", 30, 2, -1, null));
    await().atMost(TestJobs.TIMEOUT).until(() -> BatchSource.emitted("run-1") == 30);
    String savepoint = TestJobs.stop(cluster, first, savepoints());

    assertThat(readTotals(table, -1)).containsExactlyInAnyOrderElementsOf(aggregate(30));
    assertThat(rowsCommitted(first)).isEqualTo(KEYS);
    long afterFirst = DeltaTable.forPath(table).latestVersion();
    assertThat(afterFirst).as("one commit per checkpoint that followed a batch, at most")
        .isBetween(2L, 30L / BATCH);
    assertEveryVersionMatchesItsCheckpoint(table);

    JobClient second = submit(job(table, "run-2", 60, 3, 45, savepoint));
    await().atMost(TestJobs.TIMEOUT).until(
        () -> FailOnce.failed("run-2") && BatchSource.emitted("run-2") == 60);
    TestJobs.stop(cluster, second, savepoints());

    assertThat(readTotals(table, -1)).containsExactlyInAnyOrderElementsOf(aggregate(60));
    assertThat(DeltaTable.forPath(table).latestVersion()).isGreaterThan(afterFirst);
    assertEveryVersionMatchesItsCheckpoint(table);
  }

  /** Each commit records a checkpoint id; its content is the aggregate as of that barrier. */
  private static void assertEveryVersionMatchesItsCheckpoint(String table) {
    Map<Long, Long> positions = BatchSource.positions();
    long latest = DeltaTable.forPath(table).latestVersion();
    for (long version = 1; version <= latest; version++) {
      Engine engine = DeltaTable.newEngine(Map.of());
      Snapshot snapshot = TableManager.loadSnapshot(table).atVersion(version).build(engine);
      long checkpoint = snapshot.getLatestTransactionVersion(engine, APP).orElseThrow();
      assertThat(positions).as("checkpoint %d of version %d", checkpoint, version)
          .containsKey(checkpoint);
      assertThat(readTotals(table, version)).as("version %d (checkpoint %d)", version, checkpoint)
          .containsExactlyInAnyOrderElementsOf(aggregate(positions.get(checkpoint)));
    }
  }

  /** "k,cnt,total" of {@code SELECT k, COUNT(*), SUM(v) ... GROUP BY k} over rows 0..n-1. */
  private static List<String> aggregate(long rows) {
    Map<String, long[]> groups = new TreeMap<>();
    for (long v = 0; v < rows; v++) {
      long[] group = groups.computeIfAbsent(BatchSource.key(v), k -> new long[2]);
      group[0]++;
      group[1] += v;
    }
    List<String> result = new ArrayList<>();
    groups.forEach((k, group) -> result.add(k + "," + group[0] + "," + group[1]));
    return result;
  }

  /** Rows of a version (-1: the latest) as "k,cnt,total", read with Kernel's scan API. */
  private static List<String> readTotals(String table, long version) {
    Engine engine = DeltaTable.newEngine(Map.of());
    Snapshot snapshot = version < 0 ? TableManager.loadSnapshot(table).build(engine)
        : TableManager.loadSnapshot(table).atVersion(version).build(engine);
    List<String> rows = new ArrayList<>();
    for (Row row : TestTables.readRows(engine, snapshot)) {
      rows.add(row.getString(0) + "," + row.getLong(1) + "," + row.getLong(2));
    }
    return rows;
  }

  @SuppressWarnings("deprecation") // a legacy SourceFunction keeps the test source small
  private static StreamGraph job(String table, String run, long limit, int writers,
      long failAt, String savepoint) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(100);
    StreamTableEnvironment tables = StreamTableEnvironment.create(env);
    // uids from the node type, not the JVM-wide node counter: the restored plan must match
    tables.getConfig().set(ExecutionConfigOptions.TABLE_EXEC_UID_GENERATION,
        ExecutionConfigOptions.UidGeneration.ALWAYS);
    tables.getConfig().set(ExecutionConfigOptions.TABLE_EXEC_UID_FORMAT,
        "totals_<type>_<version>_<transformation>");

    TypeInformation<org.apache.flink.types.Row> inputType =
        Types.ROW_NAMED(new String[] {"k", "v"}, Types.STRING, Types.LONG);
    DataStream<org.apache.flink.types.Row> input = env
        .addSource(new BatchSource(run, limit), inputType).uid("source").name("batches")
        .setParallelism(1)
        .map(new FailOnce(run, failAt)).returns(inputType).uid("fail-once").setParallelism(1);
    tables.createTemporaryView("input", tables.fromDataStream(input));
    Table totals = tables.sqlQuery(
        "SELECT k, COUNT(*) AS cnt, SUM(v) AS total FROM input GROUP BY k");
    DataStream<RowData> changelog = tables.toChangelogStream(totals)
        .map(DeltaSnapshotSinkITCase::toRowData).returns(InternalTypeInfo.of(TOTALS))
        .uid("to-row-data");
    DeltaSink.builder(table, TOTALS).mode(WriteMode.SNAPSHOT).applicationId(APP)
        .uidPrefix("totals").writerParallelism(writers).build(changelog);

    StreamGraph graph = env.getStreamGraph();
    if (savepoint != null) {
      graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint));
    }
    return graph;
  }

  private static RowData toRowData(org.apache.flink.types.Row row) {
    return GenericRowData.ofKind(row.getKind(), StringData.fromString((String) row.getField(0)),
        row.getField(1), row.getField(2));
  }

  private String savepoints() {
    return dir.resolve("savepoints").toUri().toString();
  }

  private static JobClient submit(StreamGraph graph) throws Exception {
    return StreamExecutionEnvironment.getExecutionEnvironment().executeAsync(graph);
  }

  private static long rowsCommitted(JobClient job) throws Exception {
    return job.getJobExecutionResult().get()
        .<Long>getAccumulatorResult(DeltaSink.rowsCommittedAccumulator("totals"));
  }

  /**
   * Emits rows (k = "k" + v % 4, v) in batches of {@value #BATCH}, each only after a checkpoint
   * has covered the previous one, and records for every checkpoint how many rows preceded its
   * barrier (taken under the checkpoint lock, so exact).
   */
  @SuppressWarnings("deprecation")
  static final class BatchSource
      implements org.apache.flink.streaming.api.functions.source.SourceFunction<
          org.apache.flink.types.Row>, CheckpointedFunction {
    private static final Map<String, AtomicLong> EMITTED = new ConcurrentHashMap<>();
    private static final Map<Long, Long> POSITIONS = new ConcurrentSkipListMap<>();

    private final String run;
    private final long limit;
    private transient ListState<Long> nextState;
    private transient Object lock;
    private long next;
    private long covered;
    private volatile boolean running = true;

    BatchSource(String run, long limit) {
      this.run = run;
      this.limit = limit;
    }

    static String key(long v) {
      return "k" + v % KEYS;
    }

    static long emitted(String run) {
      return EMITTED.computeIfAbsent(run, r -> new AtomicLong()).get();
    }

    /** Checkpoint id to the number of rows emitted before its barrier, over all runs. */
    static Map<Long, Long> positions() {
      return Map.copyOf(POSITIONS);
    }

    @Override
    public void run(SourceContext<org.apache.flink.types.Row> context) throws Exception {
      lock = context.getCheckpointLock();
      synchronized (lock) {
        while (running) {
          if (next < limit && covered == next) {
            for (long end = Math.min(next + BATCH, limit); next < end; next++) {
              context.collect(org.apache.flink.types.Row.of(key(next), next));
            }
            EMITTED.computeIfAbsent(run, r -> new AtomicLong()).set(next);
          } else {
            lock.wait(20); // a snapshot (or cancel) wakes it; the timeout only rechecks running
          }
        }
      }
    }

    @Override
    public void cancel() {
      running = false;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      nextState.update(List.of(next));
      POSITIONS.put(context.getCheckpointId(), next);
      covered = next;
      if (lock != null) {
        synchronized (lock) {
          lock.notifyAll();
        }
      }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      nextState = context.getOperatorStateStore()
          .getListState(new ListStateDescriptor<>("next", Types.LONG));
      for (Long restored : nextState.get()) {
        next = restored;
      }
      covered = next;
    }
  }

  /** Fails the job once, when the row with {@code v == failAt} passes. */
  static final class FailOnce
      implements MapFunction<org.apache.flink.types.Row, org.apache.flink.types.Row> {
    private static final Map<String, Boolean> FAILED = new ConcurrentHashMap<>();

    private final String run;
    private final long failAt;

    FailOnce(String run, long failAt) {
      this.run = run;
      this.failAt = failAt;
    }

    static boolean failed(String run) {
      return FAILED.containsKey(run);
    }

    @Override
    public org.apache.flink.types.Row map(org.apache.flink.types.Row row) {
      if (((Long) row.getField(1)) == failAt && FAILED.putIfAbsent(run, true) == null) {
        throw new IllegalStateException("Injected failure at v = " + failAt);
      }
      return row;
    }
  }
}
