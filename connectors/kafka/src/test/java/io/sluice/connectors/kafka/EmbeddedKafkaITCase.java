package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.kafka.EmbeddedKafka;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test broker of test-support: starts fast, and its transactions behave like Kafka's. */
class EmbeddedKafkaITCase {
  private static EmbeddedKafka kafka;
  private static long startMillis;

  @BeforeAll
  static void start() {
    long started = System.nanoTime();
    kafka = new EmbeddedKafka().start();
    startMillis = (System.nanoTime() - started) / 1_000_000;
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  @Test
  void startsWithinTenSeconds() {
    assertThat(startMillis).isLessThan(10_000);
    assertThat(kafka.bootstrapServers()).contains(":");
  }

  @Test
  void aReadCommittedConsumerSeesOnlyCommittedTransactions() {
    kafka.createTopic("tx", 2);
    kafka.produce("tx", "k", "plain");
    kafka.produceInTransaction(List.of(new ProducerRecord<>("tx", 1, null, utf8("committed"))), true);
    kafka.produceInTransaction(List.of(new ProducerRecord<>("tx", 1, null, utf8("aborted"))), false);

    assertThat(kafka.consumeAll("tx", true)).containsExactlyInAnyOrder("plain", "committed");
    assertThat(kafka.consumeAll("tx", false))
        .containsExactlyInAnyOrder("plain", "committed", "aborted");
  }

  @Test
  void consumesPartitionByPartitionInOffsetOrder() {
    kafka.createTopic("ordered", 3);
    kafka.produce(List.of(new ProducerRecord<>("ordered", 2, null, utf8("c")),
        new ProducerRecord<>("ordered", 0, null, utf8("a")),
        new ProducerRecord<>("ordered", 2, null, utf8("d")),
        new ProducerRecord<>("ordered", 1, null, utf8("b"))));

    assertThat(kafka.consumeAll("ordered", true)).containsExactly("a", "b", "c", "d");
  }
}
