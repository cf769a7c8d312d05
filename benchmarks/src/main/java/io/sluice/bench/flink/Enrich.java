package io.sluice.bench.flink;

import java.io.File;
import java.io.IOException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * W3: lineitem ⋈ orders ⋈ customer from Parquet (Flink's filesystem connector, {@code parquet}
 * format, only the columns used are read), aggregated per market segment and order year by a
 * batch SQL query, written to a Delta table whose content it replaces in one commit.
 */
final class Enrich {
  private static final String SINK = "segment_revenue";
  private static final String QUERY = """
      SELECT c_mktsegment AS segment, EXTRACT(YEAR FROM o_orderdate) AS order_year,
        SUM(l_extendedprice * (1 - l_discount)) AS revenue, COUNT(*) AS line_count
      FROM lineitem
      JOIN orders ON l_orderkey = o_orderkey
      JOIN customer ON o_custkey = c_custkey
      GROUP BY c_mktsegment, EXTRACT(YEAR FROM o_orderdate)""";

  private Enrich() {}

  static Result run(BenchCluster cluster, String parquetDir, String outTable) throws Exception {
    long started = System.nanoTime();
    StreamExecutionEnvironment env = BenchCluster.batchEnvironment();
    StreamTableEnvironment tables = StreamTableEnvironment.create(env,
        EnvironmentSettings.inBatchMode());
    TpchTables.register(tables, "lineitem", TpchTables.LINEITEM, parquetDir + "/lineitem",
        "parquet");
    TpchTables.register(tables, "orders", TpchTables.ORDERS, parquetDir + "/orders", "parquet");
    TpchTables.register(tables, "customer", TpchTables.CUSTOMER, parquetDir + "/customer",
        "parquet");
    Table result = tables.sqlQuery(QUERY);
    TpchTables.overwriteDelta(tables, result, outTable, SINK);

    BenchCluster.TimedRun run = cluster.execute(env, "W3 enrich + aggregate", started);
    long rowsRead = parquetRows(parquetDir + "/lineitem") + parquetRows(parquetDir + "/orders")
        + parquetRows(parquetDir + "/customer");
    return Result.of("W3", rowsRead, run.seconds());
  }

  /**
   * Rows in the Parquet files of a folder, from their footers: the job reads every row of them
   * (there is no filter to push down), and a SQL job has no per-source row counter to ask.
   */
  private static long parquetRows(String folder) throws IOException {
    File[] files = new File(folder).listFiles((dir, name) -> name.endsWith(".parquet"));
    if (files == null) {
      throw new IOException("Cannot list the Parquet files of " + folder);
    }
    long rows = 0;
    Configuration conf = new Configuration();
    for (File file : files) {
      try (ParquetFileReader reader = ParquetFileReader.open(
          HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toURI()), conf))) {
        rows += reader.getRecordCount();
      }
    }
    return rows;
  }
}
