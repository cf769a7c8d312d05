package io.sluice.connectors.kafka;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a source starts when it has no state: {@code earliest}, {@code latest}, a timestamp in
 * epoch milliseconds (the first record at or after it), or Spark's JSON of offsets per topic and
 * partition, {@code {"t":{"0":23,"1":-2}}}, where -2 means earliest and -1 latest; partitions the
 * JSON does not name start at the group's committed offset if there is one, else the earliest. A
 * restored source ignores this and continues from its state.
 */
final class StartingOffsets {
  static final String FORMS =
      "earliest, latest, a timestamp in epoch milliseconds, or JSON like {\"topic\":{\"0\":23}}";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StartingOffsets() {}

  static OffsetsInitializer parse(String spec) {
    String text = spec.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("earliest")) {
      return OffsetsInitializer.earliest();
    }
    if (lower.equals("latest")) {
      return OffsetsInitializer.latest();
    }
    if (text.matches("\\d+")) {
      return OffsetsInitializer.timestamp(Long.parseLong(text));
    }
    if (text.startsWith("{")) {
      return OffsetsInitializer.offsets(offsets(text), OffsetResetStrategy.EARLIEST);
    }
    throw invalid(spec, "unknown form");
  }

  private static Map<TopicPartition, Long> offsets(String json) {
    Map<String, Map<String, Long>> byTopic;
    try {
      byTopic = MAPPER.readValue(json, new TypeReference<Map<String, Map<String, Long>>>() {});
    } catch (Exception e) {
      throw invalid(json, "not a JSON object of topics to objects of partition offsets");
    }
    Map<TopicPartition, Long> offsets = new HashMap<>();
    byTopic.forEach((topic, partitions) -> partitions.forEach((partition, offset) -> {
      if (!partition.matches("\\d+") || offset == null || offset < -2) {
        throw invalid(json, "bad partition or offset " + partition + ": " + offset);
      }
      offsets.put(new TopicPartition(topic, Integer.parseInt(partition)), offset);
    }));
    return offsets;
  }

  private static IllegalArgumentException invalid(String spec, String why) {
    return new IllegalArgumentException(
        "Cannot use startingOffsets '" + spec + "': " + why + ". Give " + FORMS + ".");
  }
}
