package io.sluice.bench.flink;

import io.sluice.connectors.delta.DeltaSink;
import io.sluice.connectors.delta.DeltaTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * W5, continuous: JSON records of a Kafka topic, from the earliest offsets, parsed with Jackson,
 * {@code v >= 0} kept, written exactly once to a Kafka topic (transactions committed per
 * checkpoint) and appended to a Delta table (a commit per checkpoint), checkpointing every
 * {@code commitMillis}. Runs until the file {@code <stateDir>/stop} exists, then stops with a
 * savepoint.
 *
 * <pre>
 * Kafka source ─► parse ─► v &gt;= 0 ─┬─► Kafka sink (exactly once)
 *                                  └─► Delta writers ─► committer (1)
 * </pre>
 */
final class Continuous {
  /** Below the broker's default transaction.max.timeout.ms of 15 minutes. */
  private static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private Continuous() {}

  /** Runs W5; calls {@code ready} once the job's first checkpoint completed. */
  static Result run(BenchCluster cluster, Runnable ready, String bootstrapServers, String inTopic,
      String outTopic, String outTable, Path stateDir, long commitMillis) throws Exception {
    StreamExecutionEnvironment env = environment(stateDir, commitMillis);
    KafkaSource<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(inTopic)
        .setGroupId("flink-w5-" + inTopic)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
    DataStream<RowData> kept = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka " + inTopic)
        .uid("source")
        .map(new EventJson.Parse(), InternalTypeInfo.of(EventJson.ROW_TYPE)).uid("parse").name("parse JSON")
        .filter(row -> row.getLong(1) >= 0).uid("non_negative").name("non_negative: v >= 0");
    kept.sinkTo(KafkaSink.<RowData>builder()
            .setBootstrapServers(bootstrapServers)
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .setTransactionalIdPrefix("flink-w5-" + outTopic)
            .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                Long.toString(TRANSACTION_TIMEOUT.toMillis()))
            .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                .setTopic(outTopic)
                .setValueSerializationSchema(new EventJson.Write())
                .build())
            .build())
        .uid("kafka-sink").name("Kafka " + outTopic);
    DeltaTable table = DeltaTable.forPath(Paths.uri(outTable));
    table.create(EventJson.ROW_TYPE, List.of(), Map.of()); // an appending sink needs the table
    DeltaSink.builder(table.path(), EventJson.ROW_TYPE)
        .applicationId("flink-w5/" + inTopic)
        .uidPrefix("events")
        .build(kept);

    RunningJob job = cluster.submit(env, "W5 continuous");
    job.awaitFirstCheckpoint(START_TIMEOUT);
    ready.run();
    long start = System.nanoTime();
    job.awaitFile(stateDir.resolve("stop"));
    job.stopWithSavepoint(stateDir.resolve("savepoints"));
    double seconds = (System.nanoTime() - start) / 1e9;
    JobExecutionResult result = job.result();
    Object read = result.getAccumulatorResult(EventJson.RECORDS_READ);
    return Result.of("W5", read == null ? 0 : ((Number) read).longValue(), seconds);
  }

  /** Streaming, exactly-once checkpoints every {@code commitMillis} under {@code stateDir}. */
  private static StreamExecutionEnvironment environment(Path stateDir, long commitMillis) {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false); // every operator has a uid of its own
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    // a failure ends the run (and the suite reports it) instead of restarting it unseen
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(commitMillis));
    conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, Paths.uri(stateDir.resolve("checkpoints").toString()));
    conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, Paths.uri(stateDir.resolve("savepoints").toString()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(BenchCluster.PARALLELISM);
    return env;
  }
}
