package io.sluice.bench.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark side of the suite's engine contract: local mode with two task slots (the other engines
 * run with parallelism 2), delta-spark's extensions, Spark's defaults otherwise (adaptive query
 * execution stays on). The heap is the caller's ({@code -Xmx3g}).
 */
final class LocalSession {
  private LocalSession() {}

  static SparkSession start(String workload) {
    return SparkSession.builder()
        .master("local[2]")
        .appName("sluice-bench-" + workload)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        // one shuffle partition per task slot, as the other engines' parallelism 2
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.warehouse.dir",
            Path.of(System.getProperty("java.io.tmpdir"), "sluice-bench-spark-warehouse").toString())
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // a benchmark table's log is a few commits: Delta's default of 50 tasks per snapshot
        // reconstruction would measure task scheduling, not work
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .getOrCreate();
  }
}
