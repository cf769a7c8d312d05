package io.sluice.bench.spark;

import io.delta.tables.DeltaTable;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads back what a Delta write recorded about itself, after the timer has stopped. */
final class DeltaCommits {
  private DeltaCommits() {}

  /**
   * {@code numOutputRows} of the table's latest commit: the rows the write wrote, counted by the write
   * itself (delta-spark records it in every WRITE commit), so no second pass over the data.
   */
  static long lastNumOutputRows(SparkSession spark, String table) {
    Row last = DeltaTable.forPath(spark, table).history(1).select("operationMetrics").first();
    Map<String, String> metrics = last.getJavaMap(0);
    String rows = metrics == null ? null : metrics.get("numOutputRows");
    if (rows == null) {
      throw new IllegalStateException("Cannot find numOutputRows in the latest commit of " + table
          + ": " + metrics + " (is spark.databricks.delta.history.metricsEnabled false?)");
    }
    return Long.parseLong(rows);
  }
}
