package io.sluice.bench.flink;

import io.sluice.connectors.delta.DeltaSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * W1: every JSON lines file of the lineitem folder, read by Flink's filesystem connector with the
 * {@code json} format and the schema given, written to a new Delta table in one commit.
 *
 * <pre>
 * filesystem source (json) ─► Delta writers (2) ─► Delta committer (1)
 * </pre>
 */
final class Ingest {
  private static final String SINK = "bronze";

  private Ingest() {}

  static Result run(BenchCluster cluster, String lineitemJsonDir, String outTable)
      throws Exception {
    long started = System.nanoTime();
    StreamExecutionEnvironment env = BenchCluster.batchEnvironment();
    StreamTableEnvironment tables = StreamTableEnvironment.create(env,
        EnvironmentSettings.inBatchMode());
    TpchTables.register(tables, "lineitem", TpchTables.LINEITEM, lineitemJsonDir, "json");
    Table lineitem = tables.from("lineitem");
    TpchTables.overwriteDelta(tables, lineitem, outTable, SINK);

    BenchCluster.TimedRun run = cluster.execute(env, "W1 ingest", started);
    long rowsRead = run.counter(DeltaSink.rowsCommittedAccumulator(SINK));
    return Result.of("W1", rowsRead, run.seconds());
  }
}
