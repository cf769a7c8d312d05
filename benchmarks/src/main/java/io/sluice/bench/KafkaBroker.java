package io.sluice.bench;

import io.sluice.testing.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@link EmbeddedKafka} in a JVM of its own, for a test whose own classpath must not hold the broker's
 * jars (benchmarks-spark's W5 test: Spark brings its own Kafka client and Scala):
 * {@code KafkaBroker [topic[:partitions]]...} starts the broker, creates the topics (1 partition
 * unless given), prints {@code BOOTSTRAP <host:port>} as one line on stdout once clients can use them,
 * and runs until its stdin closes, then stops the broker and exits 0. Logs go to stderr.
 */
public final class KafkaBroker {
  static final String PREFIX = "BOOTSTRAP ";

  private KafkaBroker() {}

  public static void main(String[] args) throws IOException {
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try (EmbeddedKafka kafka = new EmbeddedKafka().start()) {
      for (String topic : args) {
        int colon = topic.indexOf(':');
        kafka.createTopic(colon < 0 ? topic : topic.substring(0, colon),
            colon < 0 ? 1 : partitions(topic.substring(colon + 1)));
      }
      stdout.println(PREFIX + kafka.bootstrapServers());
      stdout.flush();
      // blocks until the parent closes the pipe (or exits)
      while (System.in.read() >= 0) {
        // discard
      }
    }
    // the broker leaves non-daemon threads behind
    System.exit(0);
  }

  private static int partitions(String count) {
    try {
      return Integer.parseInt(count);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cannot read the partition count '" + count
          + "': write a topic as name or name:partitions, e.g. in:2", e);
    }
  }
}
