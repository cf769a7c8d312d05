package io.sluice.bench.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * W2: bronze to {@code silver_lineitem}, with the contract's five expectations or none.
 *
 * <p>With expectations it is what a Delta Live Tables user writes for drop + quarantine + warn: two
 * flows over the bronze table, silver (rows passing both {@code small_quantity} and {@code not_air})
 * and quarantine (rows passing {@code small_quantity}, failing {@code not_air}). The failures of all
 * five are counted by {@link Dataset#observe} on the silver flow's input: aggregated by the same scan
 * that feeds the write, no extra pass. A predicate that is NULL counts as failed.
 */
record Clean(String bronzeTable, String outDir, boolean expectations) implements Workload {
  private static final List<String[]> EXPECTATIONS = List.of(
      new String[] {"small_quantity", "l_quantity <= 45"},
      new String[] {"not_air", "l_shipmode <> 'AIR'"},
      new String[] {"low_discount", "l_discount <= 0.08"},
      new String[] {"low_tax", "l_tax <= 0.06"},
      new String[] {"in_time", "l_shipdate <= l_receiptdate"});

  @Override
  public WorkloadResult run(SparkSession spark) throws InterruptedException {
    String silver = outDir + "/silver_lineitem";
    return expectations ? withExpectations(spark, silver) : copy(spark, silver);
  }

  private WorkloadResult copy(SparkSession spark, String silver) {
    long start = System.nanoTime();
    spark.read().format("delta").load(bronzeTable)
        .write().format("delta").mode(SaveMode.Overwrite).save(silver);
    long end = System.nanoTime();
    return WorkloadResult.of(DeltaCommits.lastNumOutputRows(spark, silver), start, end);
  }

  private WorkloadResult withExpectations(SparkSession spark, String silver) throws InterruptedException {
    Column[] failed = new Column[EXPECTATIONS.size()];
    for (int i = 0; i < failed.length; i++) {
      String[] e = EXPECTATIONS.get(i);
      failed[i] = count_if(not(passes(e[1]))).as(e[0]);
    }
    Column smallQuantity = passes(EXPECTATIONS.get(0)[1]);
    Column notAir = passes(EXPECTATIONS.get(1)[1]);
    Observation observation = new Observation("expectations");

    long start = System.nanoTime();
    Dataset<Row> bronze = spark.read().format("delta").load(bronzeTable);
    bronze.observe(observation, count(lit(1)).as("rows"), failed)
        .where(smallQuantity.and(notAir))
        .write().format("delta").mode(SaveMode.Overwrite).save(silver);
    bronze.where(smallQuantity.and(not(notAir)))
        .write().format("delta").mode(SaveMode.Overwrite).save(silver + "_quarantine");
    long end = System.nanoTime();

    Map<String, Object> metrics = observation.getAsJava();
    Map<String, Long> failures = new LinkedHashMap<>();
    for (String[] e : EXPECTATIONS) {
      failures.put(e[0], (Long) metrics.get(e[0]));
    }
    return new WorkloadResult((Long) metrics.get("rows"), (end - start) / 1e9, failures);
  }

  private static Column passes(String predicate) {
    return coalesce(expr(predicate), lit(false));
  }
}
