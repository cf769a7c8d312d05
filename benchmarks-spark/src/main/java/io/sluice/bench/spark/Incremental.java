package io.sluice.bench.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

/**
 * W4: a triggered incremental ingest with Structured Streaming: the file source reads only the files
 * its checkpoint ({@code stateDir}) has not seen, {@link Trigger#AvailableNow()} processes them and
 * stops, the Delta sink appends.
 */
record Incremental(String jsonDir, String outTable, String stateDir) implements Workload {
  @Override
  public WorkloadResult run(SparkSession spark) throws Exception {
    long start = System.nanoTime();
    StreamingQuery query = spark.readStream().schema(Tpch.lineitem()).json(jsonDir)
        .writeStream().format("delta")
        .option("checkpointLocation", stateDir)
        .trigger(Trigger.AvailableNow())
        .start(outTable);
    query.awaitTermination();
    long end = System.nanoTime();

    // the stream's own per-batch input counts (kept for the last 100 batches; AvailableNow without
    // maxFilesPerTrigger makes one)
    long records = 0;
    for (StreamingQueryProgress progress : query.recentProgress()) {
      records += progress.numInputRows();
    }
    return WorkloadResult.of(records, start, end);
  }
}
