package io.sluice.bench.suite;

import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends W5's records (WORKLOADS.md) at a fixed rate: JSON values {@code {"id","v","sent_at"}}
 * with ids 0, 1, 2, ..., each stamped with the time it is sent; every 100th (id divisible by 100)
 * has {@code v = -1} and fails the expectation {@code non_negative}, the others have {@code v = id}.
 */
final class RateProducer {
  private RateProducer() {}

  /** What was sent: when sending started (epoch ms) and each record's {@code sent_at}, by id. */
  record Sent(long startedMillis, long[] sentAt) {
    static boolean kept(long id) {
      return id % 100 != 0;
    }

    static long v(long id) {
      return kept(id) ? id : -1;
    }

    long kept() {
      return LongStream.range(0, sentAt.length).filter(Sent::kept).count();
    }

    /** The checksum of a table holding exactly the kept records. */
    TableChecksum keptChecksum() {
      return TableChecksum.ofTexts(LongStream.range(0, sentAt.length).filter(Sent::kept)
          .mapToObj(id -> rowText(id, v(id), sentAt[(int) id])).toList());
    }
  }

  /** A record as {@link TableChecksum}'s row text: its columns in name order (id, sent_at, v). */
  static String rowText(long id, long v, long sentAt) {
    return id + "|" + sentAt + "|" + v;
  }

  /** Sends {@code total} records at {@code rate} per second and waits until all are acknowledged. */
  static Sent produce(String bootstrap, String topic, int rate, int total) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    long[] sentAt = new long[total];
    long started = System.currentTimeMillis();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < total; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        sentAt[i] = System.currentTimeMillis();
        producer.send(new ProducerRecord<>(topic, Integer.toString(i),
            "{\"id\":" + i + ",\"v\":" + Sent.v(i) + ",\"sent_at\":" + sentAt[i] + "}"));
      }
      producer.flush();
    }
    return new Sent(started, sentAt);
  }
}
