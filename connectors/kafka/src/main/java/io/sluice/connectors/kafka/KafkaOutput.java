package io.sluice.connectors.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Writes rows to a Kafka topic exactly once: Flink's {@link KafkaSink} with Kafka transactions
 * committed when a checkpoint completes, so a {@code read_committed} reader sees each row once
 * even across failures and restarts (checkpointing must be on; rows become visible per
 * checkpoint).
 *
 * <p>Options: {@code kafka.bootstrap.servers} and {@code topic} (required), {@code valueFormat}
 * json (default) or avro, {@code avroSchema} (optional for avro), {@code keyColumn} (a STRING or
 * BYTES column; default none), {@code transactionalIdPrefix}, and {@code kafka.*} producer
 * properties. Transactional ids are {@code sluice-<uidPrefix>-<subtask>-<checkpoint>}: stable across
 * restarts, so a restarted job aborts what its previous attempt left open; two sinks writing to
 * one Kafka cluster need different uid prefixes. {@code transaction.timeout.ms} defaults to
 * 10 minutes, below the broker's default {@code transaction.max.timeout.ms} of 15 minutes; a job
 * must restore within it, or Kafka aborts the transaction of its last checkpoint.
 */
public final class KafkaOutput {
  /** The default transaction timeout: below Kafka's default broker maximum of 15 minutes. */
  public static final int DEFAULT_TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

  static final Set<String> KEYS = new TreeSet<>(List.of("kafka.bootstrap.servers", "topic",
      "valueFormat", "avroSchema", "keyColumn", "transactionalIdPrefix"));
  private static final Set<String> MANAGED = Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
      ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG);

  private KafkaOutput() {}

  /** Adds the sink; its operators' uids start with {@code uidPrefix}. */
  public static DataStreamSink<RowData> exactlyOnce(DataStream<RowData> rows, RowType type,
      Map<String, String> options, String uidPrefix) {
    Objects.requireNonNull(uidPrefix, "uidPrefix");
    String topic = required(options, "topic");
    KafkaSinkBuilder<RowData> builder = KafkaSink.<RowData>builder()
        .setBootstrapServers(required(options, "kafka.bootstrap.servers"))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(
            options.getOrDefault("transactionalIdPrefix", "sluice-" + uidPrefix))
        .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
            Integer.toString(DEFAULT_TRANSACTION_TIMEOUT_MS))
        .setRecordSerializer(new RowSerializer(topic,
            ValueEncoding.of(options.getOrDefault("valueFormat", "json"), type,
                options.get("avroSchema")),
            type, options.get("keyColumn")));
    producerProperties(options).forEach(builder::setProperty);
    return rows.sinkTo(builder.build()).uid(uidPrefix + "-kafka-sink").name("Kafka " + topic);
  }

  private static Map<String, String> producerProperties(Map<String, String> options) {
    Map<String, String> props = new HashMap<>();
    options.forEach((key, value) -> {
      if (KEYS.contains(key)) {
        return;
      }
      if (!key.startsWith("kafka.")) {
        throw new IllegalArgumentException("Cannot use Kafka sink option '" + key
            + "': unknown. Use one of " + KEYS + " or a kafka.* producer property.");
      }
      String property = key.substring("kafka.".length());
      if (MANAGED.contains(property)) {
        throw new IllegalArgumentException("Cannot set Kafka producer property " + property
            + ": the exactly-once sink manages it. Leave it out.");
      }
      props.put(property, value);
    });
    return props;
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot write to Kafka: option " + key + " is missing. Set it.");
    }
    return value;
  }
}
