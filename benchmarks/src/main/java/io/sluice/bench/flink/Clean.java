package io.sluice.bench.flink;

import io.sluice.connectors.delta.DeltaSink;
import io.sluice.connectors.delta.DeltaSource;
import io.sluice.connectors.delta.WriteMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * W2: the bronze Delta table's snapshot, through {@link LineitemExpectations} (or unchanged with
 * no expectations), to the silver table and the quarantine table, each replaced in one commit.
 *
 * <pre>
 * Delta source ─► expectations ─┬─► Delta writers ─► committer  (silver_lineitem)
 *                               └─► Delta writers ─► committer  (silver_lineitem_quarantine)
 * </pre>
 */
final class Clean {
  private static final String SILVER = "silver";
  private static final String QUARANTINE = "quarantine";

  private Clean() {}

  static Result run(BenchCluster cluster, String bronzeTable, String outDir, boolean expectations)
      throws Exception {
    long started = System.nanoTime();
    StreamExecutionEnvironment env = BenchCluster.batchEnvironment();
    DeltaSource source = DeltaSource.snapshot(Paths.uri(bronzeTable));
    RowType rowType = source.rowType();
    DataStream<RowData> bronze =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "bronze");
    String silverPath = Paths.uri(outDir + "/silver_lineitem");
    if (!expectations) {
      sink(silverPath, rowType, SILVER, bronze);
      BenchCluster.TimedRun run = cluster.execute(env, "W2 clean, no expectations", started);
      return Result.of("W2", run.counter(DeltaSink.rowsCommittedAccumulator(SILVER)),
          run.seconds());
    }
    LineitemExpectations checks = new LineitemExpectations(rowType);
    SingleOutputStreamOperator<RowData> silver = bronze.process(checks, source.getProducedType())
        .name("expectations");
    sink(silverPath, rowType, SILVER, silver);
    sink(Paths.uri(outDir + "/silver_lineitem_quarantine"), rowType, QUARANTINE,
        silver.getSideOutput(checks.quarantine()));

    BenchCluster.TimedRun run = cluster.execute(env, "W2 clean, 5 expectations", started);
    Map<String, Long> failures = new LinkedHashMap<>();
    for (String name : LineitemExpectations.NAMES) {
      failures.put(name, run.counter(name));
    }
    return new Result("W2", run.counter(LineitemExpectations.ROWS_READ), run.seconds(), failures);
  }

  private static void sink(String path, RowType rowType, String uidPrefix,
      DataStream<RowData> rows) {
    DeltaSink.builder(path, rowType).mode(WriteMode.OVERWRITE).uidPrefix(uidPrefix).build(rows);
  }
}
