package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connectors.files.FileSchemaInference;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exactly-once sink on a real broker: a paced job writes rows with checkpoints every 200 ms,
 * fails once in the middle of a transaction (after a completed checkpoint), restarts from that
 * checkpoint and runs to its end. A read_committed reader must then see every row exactly once.
 */
class KafkaOutputITCase {
  private static final int ROWS = 300;
  private static final RowType TYPE = FileSchemaInference.parseSchema("id BIGINT, name STRING");

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  @RegisterExtension static final EmbeddedKafka kafka = new EmbeddedKafka();



  @Test
  void writesEveryRowExactlyOnceAcrossAFailure() throws Exception {
    kafka.createTopic("out", 3);
    FailMidTransaction.FAILED.set(false);
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(200);
    DataGeneratorSource<RowData> source = new DataGeneratorSource<>(
        id -> GenericRowData.of(id, StringData.fromString("n" + id)), ROWS,
        RateLimiterStrategy.perSecond(200), InternalTypeInfo.of(TYPE));
    DataStream<RowData> rows = env.fromSource(source, WatermarkStrategy.noWatermarks(), "rows")
        .uid("rows")
        .map(new FailMidTransaction()).uid("fail").returns(InternalTypeInfo.of(TYPE));
    KafkaOutput.exactlyOnce(rows, TYPE, Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
        "topic", "out", "keyColumn", "name"), "orders-out");

    env.execute("exactly-once");

    List<ConsumerRecord<byte[], byte[]>> committed = kafka.consumeAllRecords("out", true);
    List<Long> ids = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (ConsumerRecord<byte[], byte[]> record : committed) {
      JsonNode value = mapper.readTree(record.value());
      ids.add(value.get("id").asLong());
      assertThat(new String(record.key(), StandardCharsets.UTF_8))
          .isEqualTo(value.get("name").asText());
    }
    assertThat(FailMidTransaction.FAILED).as("the failure was injected").isTrue();
    assertThat(kafka.consumeAll("out", false)).as("the failed attempt's transaction was written")
        .hasSizeGreaterThan(ROWS);
    assertThat(ids).hasSize(ROWS).doesNotHaveDuplicates();
    assertThat(ids.stream().mapToLong(Long::longValue).sum()).isEqualTo((long) ROWS * (ROWS - 1) / 2);
  }

  /**
   * Fails once, after a checkpoint completed and 10 rows passed since the next checkpoint began:
   * those rows are in the sink's open transaction, which the restarted job must abort.
   */
  private static final class FailMidTransaction extends RichMapFunction<RowData, RowData>
      implements CheckpointedFunction, CheckpointListener {
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private transient int sinceSnapshot;
    private transient boolean checkpointCompleted;

    @Override
    public RowData map(RowData row) {
      sinceSnapshot++;
      if (checkpointCompleted && sinceSnapshot >= 10 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("Injected failure at row " + row.getLong(0));
      }
      return row;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      sinceSnapshot = 0;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointCompleted = true;
    }
  }
}
