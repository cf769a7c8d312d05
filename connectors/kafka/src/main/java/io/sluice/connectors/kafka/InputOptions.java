package io.sluice.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spark-like options of a Kafka source. Keys: {@code kafka.bootstrap.servers}, {@code topic} (or
 * Spark's {@code subscribe}), {@code topicPattern} (or {@code subscribePattern}), {@code
 * startingOffsets}, {@code groupId} (or {@code kafka.group.id}), {@code valueFormat}, {@code
 * avroSchema}, {@code includeKey}, {@code keyFormat}, {@code metadataColumns} (comma-separated),
 * {@code headersType} ({@code map} or {@code string}), {@code rescuedDataColumn}, and any other
 * {@code kafka.*} key as a consumer property. Unknown keys are rejected.
 */
final class InputOptions {
  static final Set<String> KEYS = new TreeSet<>(List.of(
      "kafka.bootstrap.servers", "topic", "subscribe", "topicPattern", "subscribePattern",
      "startingOffsets", "groupId", "kafka.group.id", "valueFormat", "avroSchema", "includeKey",
      "keyFormat", "metadataColumns", "headersType", "rescuedDataColumn"));

  private InputOptions() {}

  static void apply(Map<String, String> options, KafkaInput input) {
    options.forEach((key, value) -> apply(key, value, input));
  }

  private static void apply(String key, String value, KafkaInput input) {
    switch (key) {
      case "kafka.bootstrap.servers":
        input.bootstrapServers(value);
        break;
      case "topic":
      case "subscribe":
        input.topics(value);
        break;
      case "topicPattern":
      case "subscribePattern":
        input.topicPattern(value);
        break;
      case "startingOffsets":
        input.startingOffsets(value);
        break;
      case "groupId":
      case "kafka.group.id":
        input.groupId(value);
        break;
      case "valueFormat":
        input.valueFormat(value);
        break;
      case "avroSchema":
        input.avroSchema(value);
        break;
      case "includeKey":
        input.includeKey(bool(key, value));
        break;
      case "keyFormat":
        input.keyFormat(value);
        break;
      case "metadataColumns":
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
          if (!name.isBlank()) {
            names.add(name.trim());
          }
        }
        input.metadataColumns(names);
        break;
      case "headersType":
        input.headersAsJson(headersAsJson(value));
        break;
      case "rescuedDataColumn":
        input.rescuedDataColumn(value);
        break;
      default:
        if (key.startsWith("kafka.")) {
          input.kafkaProperty(key.substring("kafka.".length()), value);
          break;
        }
        throw new IllegalArgumentException("Cannot use Kafka source option '" + key
            + "': unknown. Use one of " + KEYS + " or a kafka.* consumer property.");
    }
  }

  static boolean bool(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(
          "Cannot use option " + key + "='" + value + "': give true or false.");
    }
    return Boolean.parseBoolean(v);
  }

  private static boolean headersAsJson(String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "map":
        return false;
      case "string":
        return true;
      default:
        throw new IllegalArgumentException(
            "Cannot use option headersType='" + value + "': give map or string.");
    }
  }
}
