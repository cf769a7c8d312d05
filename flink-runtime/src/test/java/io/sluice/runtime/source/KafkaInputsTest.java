package io.sluice.runtime.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.model.Reference;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.model.SourceLocation;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** read_kafka arguments become the Kafka connector's options, checked without a broker. */
class KafkaInputsTest {
  private static final Map<String, String> BASE =
      Map.of("bootstrapServers", "localhost:9092", "subscribe", "orders");

  private static Reference ref(Map<String, String> extra) {
    Map<String, String> options = new HashMap<>(BASE);
    options.putAll(extra);
    return ref(options, options.getOrDefault("subscribe", ""));
  }

  private static Reference ref(Map<String, String> options, String name) {
    return new Reference(ReferenceKind.KAFKA, name, true, "__kafka_1", options,
        SourceLocation.of("t.sql", 1, 15));
  }

  private static InputSpec resolve(Map<String, String> extra) {
    return KafkaInputs.resolve(ref(extra), "f", false);
  }

  @Test
  void readsDebeziumEventsIntoTheTableColumnsAndChangeMetadataWithFormatAsAnotherName() {
    InputSpec spec = resolve(Map.of("format", "debezium-json", "schema", "id BIGINT, name STRING"));

    assertThat(spec.schema().getFieldNames())
        .containsExactly("id", "name", "_op", "_ts_ms", "_source", "_rescued_data");
    assertThat(spec.schema().getTypeAt(4).getTypeRoot()).isEqualTo(LogicalTypeRoot.MAP);
    assertThatThrownBy(() -> resolve(Map.of("format", "debezium-json")))
        .hasMessageContaining("Cannot read Kafka values as debezium-json: no schema");
    assertThatThrownBy(() -> resolve(Map.of("format", "json", "valueFormat", "json")))
        .hasMessageContaining("already given");
  }

  @Test
  void withoutAValueFormatHasDatabricksColumns() {
    RowType type = resolve(Map.of()).schema();

    assertThat(type.getFieldNames())
        .containsExactly("value", "key", "topic", "partition", "offset", "timestamp", "timestampType");
    assertThat(type.getTypeAt(0).getTypeRoot()).isEqualTo(LogicalTypeRoot.VARBINARY);
    assertThat(type.getTypeAt(1).getTypeRoot()).isEqualTo(LogicalTypeRoot.VARBINARY);
    assertThat(type.getTypeAt(5).getTypeRoot())
        .isEqualTo(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    assertThat(resolve(Map.of("includeHeaders", "true")).schema().getFieldNames()).endsWith("headers");
  }

  @Test
  void parsesJsonValuesIntoTheSchemaWithRescuedDataThenKeyAndMetadata() {
    InputSpec spec = resolve(Map.of("valueFormat", "JSON", "schema", "id BIGINT, name STRING",
        "includeKey", "true", "metadataColumns", "partition, offset", "includeHeaders", "true"));

    assertThat(spec.kind()).isEqualTo(InputKind.KAFKA);
    assertThat(spec.incremental()).isTrue();
    assertThat(spec.schema().getFieldNames()).containsExactly(
        "id", "name", "_rescued_data", "key", "partition", "offset", "headers");
    assertThat(spec.schema().getTypeAt(3).getTypeRoot()).isEqualTo(LogicalTypeRoot.VARCHAR);
  }

  @Test
  void matchesArgumentNamesWithoutCaseAndPassesKafkaPropertiesOn() {
    InputSpec spec = KafkaInputs.resolve(ref(Map.of("BOOTSTRAPSERVERS", "k:9092",
        "subscribePattern", "orders-.*", "startingTimestamp", "1767225600000",
        "kafka.client.id", "me", "kafka.group.id", "g"), "orders-.*"), "f", false);

    assertThat(spec.options()).containsEntry("kafka.bootstrap.servers", "k:9092")
        .containsEntry("topicPattern", "orders-.*")
        .containsEntry("startingOffsets", "1767225600000")
        .containsEntry("kafka.client.id", "me")
        .containsEntry("groupId", "g");
  }

  @Test
  void keysTheSourceBySubscriptionOnlySoOtherEditsKeepTheOffsets() {
    String before = resolve(Map.of()).key();
    String after = resolve(Map.of("startingOffsets", "earliest", "valueFormat", "raw")).key();

    assertThat(after).isEqualTo(before).startsWith("kafka-orders");
    assertThat(resolve(Map.of("subscribe", "returns")).key()).isNotEqualTo(before);
  }

  @Test
  void rejectsAnUnknownArgumentListingTheKnownOnes() {
    assertThatThrownBy(() -> resolve(Map.of("maxOffsetsPerTrigger", "10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot use read_kafka argument 'maxOffsetsPerTrigger': unknown.")
        .hasMessageContaining("bootstrapServers, subscribe, subscribePattern, startingOffsets");
  }

  @Test
  void needsBootstrapServersAndExactlyOneSubscription() {
    assertThatThrownBy(() -> KafkaInputs.resolve(ref(Map.of("subscribe", "a"), "a"), "f", false))
        .hasMessageStartingWith("Cannot read Kafka: no bootstrapServers.");
    assertThatThrownBy(() -> KafkaInputs.resolve(ref(Map.of("bootstrapServers", "k"), ""), "f", false))
        .hasMessageStartingWith("Cannot read Kafka: no topics to read.");
    assertThatThrownBy(() -> resolve(Map.of("subscribePattern", "o.*")))
        .hasMessageContaining("both subscribe and subscribePattern");
    assertThatThrownBy(() -> resolve(Map.of("assign", "{\"orders\":[0]}")))
        .hasMessageStartingWith("Cannot read Kafka partitions with assign");
  }

  @Test
  void rejectsArgumentsThatDoNotFitTogether() {
    assertThatThrownBy(() -> resolve(Map.of("valueFormat", "json")))
        .hasMessageStartingWith("Cannot read Kafka values as json: no schema.");
    assertThatThrownBy(() -> resolve(Map.of("schema", "id BIGINT")))
        .hasMessageStartingWith("Cannot use schema with valueFormat 'binary'");
    assertThatThrownBy(() -> resolve(Map.of("includeKey", "true")))
        .hasMessageStartingWith("Cannot use includeKey without valueFormat");
    assertThatThrownBy(() -> resolve(Map.of("startingOffsets", "earliest", "startingTimestamp", "1")))
        .hasMessageContaining("both at startingOffsets and at startingTimestamp");
    assertThatThrownBy(() -> resolve(Map.of("startingOffsets", "yesterday")))
        .hasMessageStartingWith("Cannot use startingOffsets 'yesterday'");
    assertThatThrownBy(() -> resolve(Map.of("kafka.bootstrap.servers", "k2")))
        .hasMessageContaining("already given");
    assertThatThrownBy(() -> resolve(Map.of("valueFormat", "xml")))
        .hasMessageStartingWith("Cannot read Kafka values as 'xml'");
  }

  @Test
  void cannotBeReadByABatchFlow() {
    assertThatThrownBy(() -> KafkaInputs.resolve(ref(Map.of()), "totals", true))
        .hasMessageStartingWith("Cannot read Kafka topics 'orders' in flow 'totals': the flow runs"
            + " as a batch job");
  }
}
