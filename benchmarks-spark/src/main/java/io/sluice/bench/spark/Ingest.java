package io.sluice.bench.spark;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** W1: every JSON file of the lineitem folder, read with the given schema, into a Delta table. */
record Ingest(String jsonDir, String outTable) implements Workload {
  @Override
  public WorkloadResult run(SparkSession spark) {
    long start = System.nanoTime();
    spark.read().schema(Tpch.lineitem()).json(jsonDir)
        .write().format("delta").mode(SaveMode.Overwrite).save(outTable);
    long end = System.nanoTime();
    // every row read is written: the write's own row count is the input's
    return WorkloadResult.of(DeltaCommits.lastNumOutputRows(spark, outTable), start, end);
  }
}
