package io.sluice.bench.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * W5, continuous: JSON records of a Kafka topic, the expectation {@code non_negative} ({@code v >= 0},
 * drop; NULL fails), into a Kafka topic and appended to a Delta table. As a Delta Live Tables user
 * would write two flows, these are two Structured Streaming queries over the same source (each reads
 * the topic itself, from the earliest offsets), each with its own checkpoint under {@code stateDir}
 * and {@code Trigger.ProcessingTime(commitMillis)}. Spark's Kafka sink is at-least-once.
 *
 * <p>{@code ready} runs once both queries have finished a first trigger; then the queries run until
 * {@code <stateDir>/stop} exists (a stop file left by an earlier run is removed first). {@code records}
 * = rows the table's query read, counted with the expectation's failures by {@code Dataset.observe} in
 * each batch; {@code seconds} = from ready to the stop file. After the stop file each query finishes
 * the data its source has (so that every batch's counts are reported), then both stop.
 */
record Continuous(String bootstrapServers, String inTopic, String outTopic, String outTable, Path stateDir,
    long commitMillis, Runnable ready) implements Workload {
  static final String EXPECTATION = "non_negative";
  private static final String OBSERVATION = "w5";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final StructType RECORD = new StructType()
      .add("id", DataTypes.LongType).add("v", DataTypes.LongType).add("sent_at", DataTypes.LongType);

  @Override
  public WorkloadResult run(SparkSession spark) throws Exception {
    Path stop = stateDir.resolve("stop");
    Files.deleteIfExists(stop);
    QueryEvents events = new QueryEvents(OBSERVATION);
    spark.streams().addListener(events);

    Dataset<Row> rows = spark.readStream().format("kafka")
        .option("kafka.bootstrap.servers", bootstrapServers)
        .option("subscribe", inTopic)
        .option("startingOffsets", "earliest")
        .load()
        .select(from_json(col("value").cast("string"), RECORD).as("r"))
        .select("r.*");
    Column passes = coalesce(col("v").geq(0), lit(false));
    Trigger trigger = Trigger.ProcessingTime(commitMillis);

    List<StreamingQuery> queries = new ArrayList<>();
    long start;
    long end;
    try {
      queries.add(rows.observe(OBSERVATION, count(lit(1)).as("rows"), count_if(not(passes)).as(EXPECTATION))
          .where(passes)
          .writeStream().queryName("w5_table").format("delta").outputMode("append")
          .option("checkpointLocation", stateDir.resolve("checkpoint-table").toString())
          .trigger(trigger)
          .start(outTable));
      queries.add(rows.where(passes)
          .select(to_json(struct(col("id"), col("v"), col("sent_at"))).as("value"))
          .writeStream().queryName("w5_topic").format("kafka")
          .option("kafka.bootstrap.servers", bootstrapServers)
          .option("topic", outTopic)
          .option("checkpointLocation", stateDir.resolve("checkpoint-topic").toString())
          .trigger(trigger)
          .start());
      events.awaitFirstTriggers(queries, START_TIMEOUT);
      ready.run();
      start = System.nanoTime();
      events.awaitFile(stop, queries);
      end = System.nanoTime();
      // a batch stopped between its commit and its progress report would not be counted: let each
      // query finish what it has (the suite stops once every record is in both outputs)
      for (StreamingQuery query : queries) {
        query.processAllAvailable();
      }
    } finally {
      for (StreamingQuery query : queries) {
        query.stop();
      }
    }
    // the table query's last batches are counted once the bus has delivered its end
    events.awaitTerminated(queries.get(0), Duration.ofSeconds(30));
    return new WorkloadResult(events.total("rows"), (end - start) / 1e9,
        Map.of(EXPECTATION, events.total(EXPECTATION)));
  }
}
