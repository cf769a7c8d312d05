package io.sluice.connectors.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Looks up end offsets with a consumer of the source's own properties, hence its isolation level:
 * for {@code read_committed} the last stable offset (past it, only open transactions). The
 * consumer joins no group; it is created on first use and kept until the reader closes.
 */
final class EndOffsets implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Properties props;
  private KafkaConsumer<byte[], byte[]> consumer;

  EndOffsets(Properties sourceProps, int subtask) {
    this.props = new Properties();
    props.putAll(sourceProps);
    String prefix = sourceProps.getProperty(KafkaSourceOptions.CLIENT_ID_PREFIX.key());
    props.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, prefix + "-end-offsets-" + subtask);
  }

  Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) {
    try {
      if (consumer == null) {
        consumer = new KafkaConsumer<>(props);
      }
      return new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
    } catch (RuntimeException e) {
      throw new FlinkRuntimeException("Cannot look up the end offsets of " + partitions + ": " + e
          + ". Check that the brokers at " + props.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
          + " are reachable.", e);
    }
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(Duration.ofSeconds(5));
      consumer = null;
    }
  }
}
