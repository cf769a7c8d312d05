package io.sluice.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A {@code read_committed} consumer of W5's output topic in a thread of its own, polling every
 * 20 ms: for each record, its values and when it became visible here.
 */
final class SinkWatcher implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  /** id, v, sent_at, received (epoch ms). */
  private final List<long[]> seen = new ArrayList<>();
  private volatile boolean closed;
  private volatile RuntimeException failure;

  private SinkWatcher(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
    this.thread = new Thread(this::poll, "sink-watcher");
    this.thread.setDaemon(true);
  }

  static SinkWatcher start(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "w5-watcher-" + topic);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(topic));
    SinkWatcher w = new SinkWatcher(consumer);
    w.thread.start();
    return w;
  }

  /** A value's id, v and sent_at; fails on a value without them. */
  static long[] parse(String value) {
    try {
      JsonNode node = JSON.readTree(value);
      long[] row = new long[3];
      String[] fields = {"id", "v", "sent_at"};
      for (int i = 0; i < fields.length; i++) {
        JsonNode field = node == null ? null : node.get(fields[i]);
        if (field == null || !field.canConvertToLong()) {
          throw new IllegalArgumentException("Cannot read W5's output record " + value + ": it has no whole number "
              + fields[i] + ". Write {\"id\":n,\"v\":n,\"sent_at\":n}.");
        }
        row[i] = field.asLong();
      }
      return row;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read W5's output record " + value + ": it is not JSON", e);
    }
  }

  private void poll() {
    try {
      while (!closed) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
          long now = System.currentTimeMillis();
          long[] row = parse(r.value());
          synchronized (seen) {
            seen.add(new long[] {row[0], row[1], row[2], now});
          }
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close();
    }
  }

  /** Records received so far; fails if a record could not be read. */
  long count() {
    if (failure != null) {
      throw failure;
    }
    synchronized (seen) {
      return seen.size();
    }
  }

  Latencies latencies(long measuredFrom) {
    Latencies l = new Latencies(measuredFrom);
    synchronized (seen) {
      seen.forEach(s -> l.add(s[2], s[3]));
    }
    return l;
  }

  TableChecksum checksum() {
    synchronized (seen) {
      return TableChecksum.ofTexts(seen.stream().map(s -> RateProducer.rowText(s[0], s[1], s[2])).toList());
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    thread.join(5_000);
  }
}
