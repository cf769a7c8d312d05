package io.sluice.connectors.kafka;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flink.connector.kafka.source.enumerator.subscriber.KafkaSubscriber;

/** The topics a source reads: a list of names, or every topic whose name matches a pattern. */
final class Subscription implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> topics;
  private final String pattern;

  private Subscription(List<String> topics, String pattern) {
    this.topics = topics;
    this.pattern = pattern;
  }

  /** A comma-separated list of topic names. */
  static Subscription topics(String commaSeparated) {
    List<String> topics = new ArrayList<>();
    for (String topic : commaSeparated.split(",")) {
      if (!topic.isBlank()) {
        topics.add(topic.trim());
      }
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("Cannot subscribe to topics '" + commaSeparated
          + "': no topic name. Give one or more names separated by commas.");
    }
    return new Subscription(List.copyOf(topics), null);
  }

  static Subscription pattern(String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Cannot subscribe to topic pattern '" + regex + "': "
          + e.getDescription() + ". Give a Java regular expression.", e);
    }
    return new Subscription(null, regex);
  }

  KafkaSubscriber subscriber() {
    return topics != null
        ? KafkaSubscriber.getTopicListSubscriber(topics)
        : KafkaSubscriber.getTopicPatternSubscriber(Pattern.compile(pattern));
  }

  @Override
  public String toString() {
    return topics != null ? String.join(",", topics) : "pattern " + pattern;
  }
}
