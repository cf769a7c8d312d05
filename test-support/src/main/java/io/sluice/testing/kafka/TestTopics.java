package io.sluice.testing.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The longer client interactions of {@link EmbeddedKafka}, each bounded by a deadline. */
final class TestTopics {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private TestTopics() {}

  static void awaitLeaders(Admin admin, String topic, int partitions) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        TopicDescription description =
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (description.partitions().size() == partitions
            && description.partitions().stream().allMatch(p -> p.leader() != null)) {
          return;
        }
      } catch (Exception e) {
        // not visible yet: retry until the deadline
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Cannot create topic " + topic + ": no leaders after "
            + TIMEOUT.toSeconds() + " s");
      }
      sleep();
    }
  }

  static void inTransaction(Map<String, Object> producerProperties,
      List<ProducerRecord<byte[], byte[]>> records, boolean commit) {
    Map<String, Object> props = new HashMap<>(producerProperties);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-" + UUID.randomUUID());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (ProducerRecord<byte[], byte[]> record : records) {
        producer.send(record);
      }
      if (commit) {
        producer.commitTransaction();
      } else {
        producer.flush();
        producer.abortTransaction();
      }
    }
  }

  static List<ConsumerRecord<byte[], byte[]>> readToEnd(String bootstrapServers, Admin admin,
      String topic, boolean readCommitted) {
    Map<String, Object> props = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<TopicPartition> partitions = new ArrayList<>();
    TopicDescription description =
        EmbeddedKafka.await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Cannot read topic " + topic + " to its end " + end
              + " within " + TIMEOUT.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          byPartition.computeIfAbsent(new TopicPartition(topic, record.partition()),
              tp -> new ArrayList<>()).add(record);
        }
      }
    }
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    partitions.forEach(tp -> records.addAll(byPartition.getOrDefault(tp, List.of())));
    return records;
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
      if (consumer.position(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    }
  }
}
