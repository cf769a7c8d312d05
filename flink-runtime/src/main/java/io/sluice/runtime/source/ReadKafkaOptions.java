package io.sluice.runtime.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code read_kafka(...)}, with Databricks' names (matched without regard to
 * case), translated once into the options of the Kafka connector ({@code KafkaInput.options}).
 *
 * <p>Without {@code valueFormat} (or with {@code binary}) the rows have Databricks' columns: {@code
 * key} and {@code value} BYTES, {@code topic}, {@code partition}, {@code offset}, {@code
 * timestamp}, {@code timestampType}, and {@code headers} with {@code includeHeaders => true}. With
 * {@code json}, {@code debezium-json}, {@code avro}, {@code raw} or {@code string} the value
 * becomes columns (JSON, Debezium and Avro with a rescued-data column), then the key (STRING) with
 * {@code includeKey}, then the {@code metadataColumns} asked for. {@code format} is another name
 * for {@code valueFormat}.
 */
final class ReadKafkaOptions {
  static final List<String> NAMES = List.of("bootstrapServers", "subscribe", "subscribePattern",
      "startingOffsets", "startingTimestamp", "groupId", "valueFormat", "schema", "avroSchema",
      "includeKey", "includeHeaders", "metadataColumns", "headersType", "rescuedDataColumn");
  private static final String DATABRICKS_METADATA =
      "topic,partition,offset,timestamp,timestampType";
  private static final List<String> PARSED_ONLY =
      List.of("includeKey", "metadataColumns", "rescuedDataColumn", "avroSchema");

  /**
   * @param connector the connector's options
   * @param schema the value columns of the json format, as a DDL column list
   */
  record Resolved(Map<String, String> connector, Optional<String> schema) {}

  private final Map<String, String> given = new LinkedHashMap<>();
  private final Map<String, String> connector = new LinkedHashMap<>();

  private ReadKafkaOptions() {}

  /** Throws {@link IllegalArgumentException} with a message for the user on a bad argument. */
  static Resolved resolve(Map<String, String> arguments) {
    ReadKafkaOptions o = new ReadKafkaOptions();
    arguments.forEach(o::add);
    return o.resolve();
  }

  private void add(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("kafka.")) {
      String key = lower.equals("kafka.bootstrap.servers") ? "bootstrapServers"
          : lower.equals("kafka.group.id") ? "groupId" : "kafka." + name.substring(6);
      putOnce(key, value, name);
      return;
    }
    if (lower.equals("format")) {
      putOnce("valueFormat", value, name);
      return;
    }
    for (String known : NAMES) {
      if (known.equalsIgnoreCase(name)) {
        putOnce(known, value, name);
        return;
      }
    }
    if (lower.equals("assign")) {
      throw new IllegalArgumentException("Cannot read Kafka partitions with assign: this version"
          + " reads whole topics. Use subscribe => 'topic,...' or subscribePattern => 'regex'.");
    }
    throw new IllegalArgumentException("Cannot use read_kafka argument '" + name + "': unknown."
        + " Use one of " + String.join(", ", NAMES) + ", or a kafka.* consumer property"
        + " (in backticks: `kafka.security.protocol` => 'SSL').");
  }

  private void putOnce(String key, String value, String written) {
    if (given.putIfAbsent(key, value) != null) {
      throw new IllegalArgumentException("Cannot use read_kafka argument '" + written
          + "': it sets " + key + ", which is already given. Give it once.");
    }
  }

  private Resolved resolve() {
    connector.put("kafka.bootstrap.servers", required("bootstrapServers",
        "Add bootstrapServers => 'host:9092' (comma-separated for several brokers)."));
    subscription();
    startingOffsets();
    copy("groupId", "groupId");
    copy("rescuedDataColumn", "rescuedDataColumn");
    copy("headersType", "headersType");
    copy("avroSchema", "avroSchema");
    given.forEach((key, value) -> {
      if (key.startsWith("kafka.")) {
        connector.put(key, value);
      }
    });
    String format = given.getOrDefault("valueFormat", "binary").trim().toLowerCase(Locale.ROOT);
    if (format.equals("binary")) {
      databricksLayout();
    } else {
      parsedLayout(format);
    }
    if (given.containsKey("schema") && !format.equals("json") && !format.equals("debezium-json")) {
      throw new IllegalArgumentException("Cannot use schema with valueFormat '" + format + "':"
          + " the schema declares the columns of JSON values (or of Debezium change events). Add"
          + " valueFormat => 'json' (or 'debezium-json'), or leave schema out.");
    }
    return new Resolved(Map.copyOf(connector), Optional.ofNullable(given.get("schema")));
  }

  private void subscription() {
    String topics = given.get("subscribe");
    String pattern = given.get("subscribePattern");
    if (topics != null && pattern != null) {
      throw new IllegalArgumentException("Cannot subscribe to Kafka topics with both subscribe and"
          + " subscribePattern. Give one of them.");
    }
    if (topics == null && pattern == null) {
      throw new IllegalArgumentException("Cannot read Kafka: no topics to read. Add subscribe =>"
          + " 'topic[,topic...]' or subscribePattern => 'regex'.");
    }
    connector.put(topics != null ? "topic" : "topicPattern", topics != null ? topics : pattern);
  }

  private void startingOffsets() {
    String offsets = given.get("startingOffsets");
    String timestamp = given.get("startingTimestamp");
    if (offsets != null && timestamp != null) {
      throw new IllegalArgumentException("Cannot start reading Kafka both at startingOffsets and"
          + " at startingTimestamp. Give one of them.");
    }
    if (timestamp != null && !timestamp.trim().matches("\\d+")) {
      throw new IllegalArgumentException("Cannot use startingTimestamp '" + timestamp + "': give"
          + " the time in milliseconds since the epoch, for example 1767225600000.");
    }
    if (offsets != null || timestamp != null) {
      connector.put("startingOffsets", offsets != null ? offsets : timestamp.trim());
    }
  }

  /** Databricks' columns: key and value as bytes, then the record's metadata. */
  private void databricksLayout() {
    for (String parsedOnly : PARSED_ONLY) {
      if (given.containsKey(parsedOnly)) {
        throw new IllegalArgumentException("Cannot use " + parsedOnly + " without valueFormat:"
            + " the rows have key, value, topic, partition, offset, timestamp and timestampType"
            + " already. Add valueFormat => 'json' (or avro, raw) to parse the values, or leave "
            + parsedOnly + " out.");
      }
    }
    connector.put("valueFormat", "binary");
    connector.put("includeKey", "true");
    connector.put("keyFormat", "binary");
    connector.put("metadataColumns", DATABRICKS_METADATA + (includeHeaders() ? ",headers" : ""));
  }

  /** The value's columns, then the key and the metadata columns asked for. */
  private void parsedLayout(String format) {
    connector.put("valueFormat", format);
    copy("includeKey", "includeKey");
    String metadata = given.getOrDefault("metadataColumns", "");
    if (includeHeaders() && !List.of(metadata.replace(" ", "").split(",")).contains("headers")) {
      metadata = metadata.isBlank() ? "headers" : metadata + ",headers";
    }
    if (!metadata.isBlank()) {
      connector.put("metadataColumns", metadata);
    }
  }

  private boolean includeHeaders() {
    String value = given.getOrDefault("includeHeaders", "false").trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "Cannot use includeHeaders '" + value + "': give true or false.");
    }
    return value.equals("true");
  }

  private String required(String key, String todo) {
    String value = given.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Cannot read Kafka: no " + key + ". " + todo);
    }
    return value;
  }

  private void copy(String from, String to) {
    if (given.containsKey(from)) {
      connector.put(to, given.get(from));
    }
  }
}
