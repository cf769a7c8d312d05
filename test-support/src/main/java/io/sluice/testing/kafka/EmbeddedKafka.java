package io.sluice.testing.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real Kafka broker in this JVM, for tests: KRaft in combined mode (one node that is both broker
 * and controller), with the offsets topic and the transaction state log at replication factor 1,
 * so consumer groups and transactional producers work. Start one per test class; it keeps its
 * data in temporary folders that {@link #close()} removes.
 *
 * <p>The broker's jars are optional dependencies of test-support: a module using this class adds
 * {@code org.apache.kafka:kafka_2.13} and the {@code test} classifiers of {@code kafka_2.13},
 * {@code kafka-clients}, {@code kafka-server-common} and {@code kafka-server} in test scope.
 *
 * <p>{@link #consumeAll} is an independent reader for assertions: a plain Kafka consumer with no
 * group, reading every partition from the beginning to its end offset at the time of the call.
 *
 * <p>In a test class: {@code @RegisterExtension static final EmbeddedKafka kafka = new
 * EmbeddedKafka();} starts it before the class's tests and stops it after them.
 */
public final class EmbeddedKafka implements AutoCloseable, org.junit.jupiter.api.extension.BeforeAllCallback,
    org.junit.jupiter.api.extension.AfterAllCallback {
  /** The broker's transaction.max.timeout.ms (Kafka's default): producers must stay below. */
  public static final Duration MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private KafkaClusterTestKit cluster;
  private Admin admin;
  private KafkaProducer<byte[], byte[]> producer;

  /** Formats the broker's storage and starts it; returns when it accepts clients. */
  public EmbeddedKafka start() {
    try {
      TestKitNodes nodes = new TestKitNodes.Builder()
          .setCombined(true)
          .setNumBrokerNodes(1)
          .setNumControllerNodes(1)
          .build();
      cluster = new KafkaClusterTestKit.Builder(nodes)
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("transaction.state.log.num.partitions", "1")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          // the broker is ready after a heartbeat once it has caught up: 2 s by default
          .setConfigProp("broker.heartbeat.interval.ms", "100")
          .setConfigProp("auto.create.topics.enable", "false")
          .setConfigProp("transaction.max.timeout.ms",
              Long.toString(MAX_TRANSACTION_TIMEOUT.toMillis()))
          .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      closeQuietly();
      throw new IllegalStateException("Cannot start the embedded Kafka broker: " + e, e);
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    admin = Admin.create(props);
    return this;
  }

  @Override
  public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
    close();
  }

  /** The broker's address for clients, as {@code host:port}. */
  public String bootstrapServers() {
    if (cluster == null) {
      throw new IllegalStateException("Cannot give the bootstrap servers: call start() first");
    }
    return cluster.bootstrapServers();
  }

  /** Creates a topic with replication factor 1 and waits until the broker has created it. */
  public void createTopic(String name, int partitions) {
    await(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all());
    TestTopics.awaitLeaders(admin, name, partitions);
  }

  /** Writes one record with UTF-8 key and value (either may be null) and waits for the ack. */
  public void produce(String topic, String key, String value) {
    produce(List.of(new ProducerRecord<>(topic, utf8(key), utf8(value))));
  }

  /** Writes records, in order, without a transaction, and waits until all are acknowledged. */
  public void produce(List<ProducerRecord<byte[], byte[]>> records) {
    KafkaProducer<byte[], byte[]> p = producer();
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (ProducerRecord<byte[], byte[]> record : records) {
      sent.add(p.send(record));
    }
    p.flush();
    for (java.util.concurrent.Future<?> future : sent) {
      await(future);
    }
  }

  /**
   * Writes records in one transaction of a new transactional producer, then commits it or aborts
   * it. Either way the partitions get a transaction marker after the records.
   */
  public void produceInTransaction(List<ProducerRecord<byte[], byte[]>> records, boolean commit) {
    TestTopics.inTransaction(producerProperties(), records, commit);
  }

  /** Every record value of the topic, as UTF-8 text, partition by partition in offset order. */
  public List<String> consumeAll(String topic, boolean readCommitted) {
    List<String> values = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : consumeAllRecords(topic, readCommitted)) {
      values.add(record.value() == null ? null
          : new String(record.value(), StandardCharsets.UTF_8));
    }
    return values;
  }

  /** Every record of the topic up to the end offsets of the moment of the call. */
  public List<ConsumerRecord<byte[], byte[]>> consumeAllRecords(String topic, boolean readCommitted) {
    return TestTopics.readToEnd(bootstrapServers(), admin, topic, readCommitted);
  }

  /** The admin client of this broker, for what the methods above do not cover. */
  public Admin admin() {
    return admin;
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      producer = new KafkaProducer<>(producerProperties());
    }
    return producer;
  }

  private Map<String, Object> producerProperties() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
  }

  private void closeQuietly() {
    try {
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
      }
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
      if (cluster != null) {
        cluster.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop the embedded Kafka broker: " + e, e);
    } finally {
      producer = null;
      admin = null;
      cluster = null;
    }
  }

  static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  static <T> T await(java.util.concurrent.Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka request failed: " + e.getCause(), e.getCause());
    }
  }
}
