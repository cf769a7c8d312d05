package io.sluice.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connectors.files.FileSchemaInference;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaInputTest {
  private static Map<String, String> options(String... keyValues) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("kafka.bootstrap.servers", "localhost:9092");
    options.put("topic", "orders");
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    return options;
  }

  @Test
  void buildsAnUnboundedSourceFromSparkLikeOptions() {
    KafkaInput input = KafkaInput.builder()
        .options(options("startingOffsets", "earliest", "includeKey", "true",
            "metadataColumns", "topic, offset,timestamp", "headersType", "string",
            "kafka.max.poll.records", "10"))
        .schema(FileSchemaInference.parseSchema("id BIGINT"));

    Source<?, ?, ?> source = input.build();

    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    assertThat(input.producedType().getFieldNames())
        .containsExactly("id", "_rescued_data", "key", "topic", "offset", "timestamp");
  }

  @Test
  void readsCommittedDataUnlessToldOtherwise() {
    OffsetsInitializer earliest = OffsetsInitializer.earliest();
    Properties defaults = ConsumerProperties.resolve("b:1", null, Map.of(), earliest);
    Properties uncommitted = ConsumerProperties.resolve("b:1", "g", Map.of("isolation.level",
        "read_uncommitted"), earliest);

    assertThat(defaults.getProperty("isolation.level")).isEqualTo("read_committed");
    assertThat(defaults.getProperty("commit.offsets.on.checkpoint")).isEqualTo("false");
    assertThat(defaults.getProperty("auto.offset.reset")).isEqualTo("earliest");
    assertThat(uncommitted.getProperty("isolation.level")).isEqualTo("read_uncommitted");
    assertThat(uncommitted.getProperty("group.id")).isEqualTo("g");
  }

  @Test
  void rawValuesAreOneStringColumn() {
    KafkaInput input = KafkaInput.builder().options(options("valueFormat", "string"));

    assertThat(input.producedType().getFieldNames()).containsExactly("value");
  }

  @Test
  void avroValuesTakeTheColumnsOfTheAvroSchema() {
    KafkaInput input = KafkaInput.builder()
        .options(options("valueFormat", "avro", "avroSchema", TestRecords.AVRO_SCHEMA,
            "rescuedDataColumn", "_bad"));

    assertThat(input.producedType().getFieldNames()).containsExactly("id", "name", "tags", "_bad");
  }

  @Test
  void rejectsWhatCannotWork() {
    assertRejected(KafkaInput.builder().topics("t").valueFormat("raw"), "no bootstrap servers");
    assertRejected(KafkaInput.builder().bootstrapServers("b:1").valueFormat("raw"), "no topics");
    assertRejected(KafkaInput.builder().options(options()), "Cannot read Kafka values as json: no schema");
    assertRejected(KafkaInput.builder().options(options("valueFormat", "avro")), "no Avro schema");
    assertRejected(KafkaInput.builder().options(options("valueFormat", "debezium-json")),
        "Cannot read Kafka values as debezium-json: no schema");
    assertRejected(KafkaInput.builder().options(options("valueFormat", "avro", "avroSchema", "{\"type\":\"long\"}")),
        "must be a record");
    assertRejected(KafkaInput.builder().options(options("valueFormat", "xml")), "unknown format");
    assertRejected(KafkaInput.builder().options(options("startingOffsets", "yesterday")).valueFormat("raw"),
        "Cannot use startingOffsets 'yesterday'");
    assertRejected(KafkaInput.builder().options(options("kafka.enable.auto.commit", "true")).valueFormat("raw"),
        "Cannot set Kafka consumer property enable.auto.commit");
    assertRejected(KafkaInput.builder().options(options("metadataColumns", "topic,size")).valueFormat("raw"),
        "Cannot add metadata column 'size'");
    assertThatThrownBy(() -> KafkaInput.builder().options(options("subscribeTopics", "x")))
        .hasMessageContaining("Cannot use Kafka source option 'subscribeTopics'")
        .hasMessageContaining("topicPattern");
    assertThatThrownBy(() -> KafkaInput.builder().options(options("includeKey", "yes")))
        .hasMessageContaining("give true or false");
    assertThatThrownBy(() -> KafkaInput.builder().topicPattern("orders[")).hasMessageContaining(
        "Cannot subscribe to topic pattern");
  }

  @Test
  void startingOffsetsTakeSparksJson() throws Exception {
    OffsetsInitializer offsets = StartingOffsets.parse("{\"orders\":{\"0\":23,\"1\":-2}}");

    TopicPartition p0 = new TopicPartition("orders", 0);
    TopicPartition p1 = new TopicPartition("orders", 1);
    TopicPartition p2 = new TopicPartition("orders", 2);
    assertThat(offsets.getPartitionOffsets(List.of(p0, p1, p2), new BeginningAtFive()))
        .containsExactlyInAnyOrderEntriesOf(Map.of(p0, 23L, p1, -2L, p2, 5L));
    assertThat(StartingOffsets.parse("1700000000000").getAutoOffsetResetStrategy())
        .isEqualTo(OffsetResetStrategy.LATEST);
    assertThat(StartingOffsets.parse("LATEST").getAutoOffsetResetStrategy())
        .isEqualTo(OffsetResetStrategy.LATEST);
    assertThatThrownBy(() -> StartingOffsets.parse("{\"orders\":{\"x\":1}}"))
        .hasMessageContaining("bad partition or offset x");
    assertThatThrownBy(() -> StartingOffsets.parse("{\"orders\":[1]}"))
        .hasMessageContaining("not a JSON object of topics");
  }

  /** Partitions begin at offset 5; no group offsets. */
  private static final class BeginningAtFive
      implements OffsetsInitializer.PartitionOffsetsRetriever {
    @Override
    public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
      return Map.of();
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
      Map<TopicPartition, Long> offsets = new HashMap<>();
      partitions.forEach(tp -> offsets.put(tp, 5L));
      return offsets;
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
        Map<TopicPartition, Long> timestampsToSearch) {
      throw new UnsupportedOperationException();
    }
  }

  private static void assertRejected(KafkaInput input, String message) {
    assertThatThrownBy(input::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
