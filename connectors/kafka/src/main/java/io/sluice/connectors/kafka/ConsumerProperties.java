package io.sluice.connectors.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The complete consumer properties of a source, resolved once: what the user gave, Sluice's
 * defaults ({@code isolation.level=read_committed}), and what Flink's Kafka source would otherwise
 * add on its own. Both Flink's source and Sluice's catch-up reader use exactly these.
 */
final class ConsumerProperties {
  /** Consumer properties the source manages itself; the user sets them through other options. */
  static final Set<String> MANAGED = Set.of(
      ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
      ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
      ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG);

  private ConsumerProperties() {}

  static Properties resolve(String bootstrapServers, String groupId, Map<String, String> extra,
      OffsetsInitializer startingOffsets) {
    for (String key : extra.keySet()) {
      if (MANAGED.contains(key)) {
        throw new IllegalArgumentException("Cannot set Kafka consumer property " + key
            + ": the source manages it. Use the bootstrap servers, groupId or startingOffsets"
            + " options instead, or leave it out.");
      }
    }
    Properties props = new Properties();
    props.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putAll(extra);
    props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        startingOffsets.getAutoOffsetResetStrategy().name().toLowerCase(java.util.Locale.ROOT));
    if (groupId != null) {
      props.setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    } else {
      // Without a group there is nothing to commit offsets to (Flink's own default, made explicit).
      props.setProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key(), "false");
    }
    props.putIfAbsent(KafkaSourceOptions.CLIENT_ID_PREFIX.key(),
        groupId != null ? groupId : "sluice-kafka-" + UUID.randomUUID());
    return props;
  }
}
