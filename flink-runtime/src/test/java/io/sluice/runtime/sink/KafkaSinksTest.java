package io.sluice.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.Sink;
import io.sluice.core.model.SourceLocation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Kafka sink's options are checked without a broker. */
class KafkaSinksTest {
  private static Sink sink(Map<String, String> options) {
    return new Sink("out", "kafka", options, SourceLocation.of("t.sql", 3, 13));
  }

  @Test
  void acceptsSparkAndSluiceOptionNamesWithoutRegardToCase() {
    assertThat(KafkaSinks.problem(sink(Map.of("kafka.bootstrap.servers", "k:9092", "TOPIC", "t",
        "valueformat", "avro", "kafka.linger.ms", "5", "connector", "kafka")))).isEmpty();
    assertThat(KafkaSinks.problem(sink(Map.of("bootstrapServers", "k:9092", "topic", "t")))).isEmpty();
    assertThat(SinkTargets.commitsEachCheckpoint(sink(Map.of()))).isTrue();
    assertThat(SinkTargets.commitsEachCheckpoint(new Sink("d", "delta", Map.of("path", "x"),
        SourceLocation.UNKNOWN))).isFalse();
  }

  @Test
  void reportsAMissingTopicOrServer() {
    assertThat(KafkaSinks.problem(sink(Map.of("kafka.bootstrap.servers", "k:9092"))))
        .contains("Cannot write Kafka sink 'out': option 'topic' is missing."
            + " Add 'topic' = 'topic-name' to its options.");
    assertThat(KafkaSinks.problem(sink(Map.of("topic", "t")))).get().asString()
        .startsWith("Cannot write Kafka sink 'out': option 'kafka.bootstrap.servers' is missing.");
  }

  @Test
  void reportsUnknownOptionsAndFormats() {
    assertThat(KafkaSinks.problem(sink(Map.of("kafka.bootstrap.servers", "k", "topic", "t",
        "checkpointLocation", "/x")))).get().asString()
        .startsWith("Cannot use option 'checkpointLocation' of Kafka sink 'out': unknown. Use"
            + " kafka.bootstrap.servers, topic, valueFormat");
    assertThat(KafkaSinks.problem(sink(Map.of("kafka.bootstrap.servers", "k", "topic", "t",
        "valueFormat", "csv")))).get().asString().contains("unknown value format");
  }
}
