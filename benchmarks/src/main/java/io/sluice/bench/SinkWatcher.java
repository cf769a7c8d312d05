package io.sluice.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A read_committed consumer of the sink's topic in its own thread, recording for each record when
 * it became visible here against the {@code sent_at} it carries.
 */
final class SinkWatcher implements AutoCloseable {
  private static final Pattern SENT_AT = Pattern.compile("\"sent_at\"\\s*:\\s*(\\d+)");
  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private final List<long[]> seen = new java.util.ArrayList<>();
  private volatile boolean closed;

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

  private void poll() {
    while (!closed) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
        long now = System.currentTimeMillis();
        Matcher m = SENT_AT.matcher(r.value());
        if (!m.find()) {
          throw new IllegalStateException("no sent_at in " + r.value());
        }
        synchronized (seen) {
          seen.add(new long[] {Long.parseLong(m.group(1)), now});
        }
      }
    }
    consumer.close();
  }

  void awaitCount(long count, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      synchronized (seen) {
        if (seen.size() >= count) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the sink topic did not get " + count + " records in time");
  }

  Latencies latencies(long measuredFrom) {
    Latencies l = new Latencies(measuredFrom);
    synchronized (seen) {
      seen.forEach(s -> l.add(s[0], s[1]));
    }
    return l;
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    thread.join(5_000);
  }
}
