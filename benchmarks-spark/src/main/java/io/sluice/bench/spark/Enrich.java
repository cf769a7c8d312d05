package io.sluice.bench.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * W3: the contract's join + aggregation over the Parquet tables, as a materialized view: its result
 * replaces the Delta table's content. The rows of each input are counted by {@link Dataset#observe}
 * on its scan, in the same pass.
 */
record Enrich(String parquetDir, String outTable) implements Workload {
  static final String QUERY = "SELECT c_mktsegment AS segment, EXTRACT(YEAR FROM o_orderdate) AS order_year,"
      + " SUM(l_extendedprice * (1 - l_discount)) AS revenue, COUNT(*) AS line_count"
      + " FROM lineitem JOIN orders ON l_orderkey = o_orderkey JOIN customer ON o_custkey = c_custkey"
      + " GROUP BY c_mktsegment, EXTRACT(YEAR FROM o_orderdate)";

  @Override
  public WorkloadResult run(SparkSession spark) throws InterruptedException {
    Observation lineitem = register(spark, "lineitem", Tpch.lineitem());
    Observation orders = register(spark, "orders", Tpch.orders());
    Observation customer = register(spark, "customer", Tpch.customer());

    long start = System.nanoTime();
    spark.sql(QUERY).write().format("delta").mode(SaveMode.Overwrite).save(outTable);
    long end = System.nanoTime();
    return WorkloadResult.of(rows(lineitem) + rows(orders) + rows(customer), start, end);
  }

  private Observation register(SparkSession spark, String table, StructType schema) {
    Observation observation = new Observation(table);
    spark.read().schema(schema).parquet(parquetDir + "/" + table)
        .observe(observation, count(lit(1)).as("rows"))
        .createOrReplaceTempView(table);
    return observation;
  }

  private static long rows(Observation observation) throws InterruptedException {
    Map<String, Object> metrics = observation.getAsJava();
    return (Long) metrics.get("rows");
  }
}
