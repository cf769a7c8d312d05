package io.sluice.bench;

import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends JSON records {@code {"id", "v", "sent_at"}} at a fixed rate, each stamped with the time it
 * is sent; every 100th has a negative {@code v}.
 */
final class RateProducer {
  private RateProducer() {}

  /** Sends {@code total} records at {@code rate} per second; returns when it started (epoch ms). */
  static long produce(String bootstrap, String topic, int rate, long total) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    long started = System.currentTimeMillis();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (long i = 0; i < total; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        long v = i % 100 == 0 ? -1 : i;
        producer.send(new ProducerRecord<>(topic, Long.toString(i),
            "{\"id\":" + i + ",\"v\":" + v + ",\"sent_at\":" + System.currentTimeMillis() + "}"));
      }
      producer.flush();
    }
    return started;
  }
}
