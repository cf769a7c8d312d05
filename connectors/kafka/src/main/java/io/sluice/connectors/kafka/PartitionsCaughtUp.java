package io.sluice.connectors.kafka;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.kafka.common.TopicPartition;

/** A reader's report: these partitions have been read up to their catch-up targets. */
final class PartitionsCaughtUp implements SourceEvent {
  private static final long serialVersionUID = 1L;

  private final List<TopicPartition> partitions;

  PartitionsCaughtUp(List<TopicPartition> partitions) {
    this.partitions = List.copyOf(partitions);
  }

  List<TopicPartition> partitions() {
    return partitions;
  }

  @Override
  public String toString() {
    return "PartitionsCaughtUp" + partitions;
  }
}
