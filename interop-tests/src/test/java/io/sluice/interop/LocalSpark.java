package io.sluice.interop;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** A local Spark session with delta-spark, configured for the small tables of these tests. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession start(String name, Path tmp) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.adaptive.enabled", "false") // tiny data; and streaming would turn it off with a warning
        .config("spark.default.parallelism", "2")
        .config("spark.sql.warehouse.dir", tmp.resolve("spark-warehouse").toString())
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.debug.maxToStringFields", "200")
        .config("spark.sql.datetime.java8API.enabled", "true") // DATE as java.time.LocalDate
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.checksum.mismatch.fatal", "true")
        // the log of these tables is a few files: no need for Delta's default 50 partitions per snapshot
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .getOrCreate();
  }
}
