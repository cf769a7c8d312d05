package io.sluice.connectors.kafka;

import io.sluice.connectors.progress.CatchUpMarker;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's Kafka enumerator, plus Sluice's catch-up signal. At (re)start it lists the partitions of
 * the subscribed topics once, and only then starts Flink's enumerator, whose first discovery
 * therefore sees at least those partitions. The marker is set, once, when the {@link CatchUpReader}s
 * have reported every one of them read up to its target; a run over no partition at all has caught
 * up as soon as it has listed them. Partitions created later are read but not waited for. The
 * enumerator's state is Flink's, unchanged. All methods run in the coordinator thread.
 */
final class CatchUpEnumerator implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUpEnumerator.class);

  private final SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> delegate;
  private final SplitEnumeratorContext<KafkaPartitionSplit> context;
  private final Subscription subscription;
  private final Properties props;
  private final CatchUpMarker marker;
  private final Set<TopicPartition> caughtUp = new HashSet<>();
  private Set<TopicPartition> atStart;
  private boolean marked;

  CatchUpEnumerator(SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> delegate,
      SplitEnumeratorContext<KafkaPartitionSplit> context, Subscription subscription,
      Properties props, CatchUpMarker marker) {
    this.delegate = delegate;
    this.context = context;
    this.subscription = subscription;
    this.props = props;
    this.marker = marker;
  }

  @Override
  public void start() {
    context.callAsync(this::listPartitions, this::listed);
  }

  private Set<TopicPartition> listPartitions() {
    try (AdminClient admin = AdminClient.create(props)) {
      return new HashSet<>(subscription.subscriber().getSubscribedTopicPartitions(admin));
    }
  }

  private void listed(Set<TopicPartition> partitions, Throwable error) {
    if (error != null) {
      throw new FlinkRuntimeException("Cannot list the partitions of Kafka topics "
          + subscription + ": " + error + ". Check that the topics exist and that the brokers are"
          + " reachable.", error);
    }
    atStart = partitions;
    LOG.info("Kafka source catches up on {} partitions of {}", partitions.size(), subscription);
    delegate.start();
    checkCaughtUp();
  }

  @Override
  public void handleSourceEvent(int subtask, SourceEvent event) {
    if (event instanceof PartitionsCaughtUp) {
      caughtUp.addAll(((PartitionsCaughtUp) event).partitions());
      checkCaughtUp();
    } else {
      delegate.handleSourceEvent(subtask, event);
    }
  }

  private void checkCaughtUp() {
    if (marked || atStart == null || !caughtUp.containsAll(atStart)) {
      return;
    }
    marked = true;
    LOG.info("Kafka source caught up on {} partitions of {}", atStart.size(), subscription);
    marker.mark();
  }

  // Everything else passes through.

  @Override
  public void handleSplitRequest(int subtask, String requesterHostname) {
    delegate.handleSplitRequest(subtask, requesterHostname);
  }

  @Override
  public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtask) {
    delegate.addSplitsBack(splits, subtask);
  }

  @Override
  public void addReader(int subtask) {
    delegate.addReader(subtask);
  }

  @Override
  public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
    return delegate.snapshotState(checkpointId);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    delegate.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    delegate.notifyCheckpointAborted(checkpointId);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
