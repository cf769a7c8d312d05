package io.sluice.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.synchronization.FutureCompletingBlockingQueue;
import org.apache.flink.connector.kafka.source.metrics.KafkaSourceReaderMetrics;
import org.apache.flink.connector.kafka.source.reader.KafkaPartitionSplitReader;
import org.apache.flink.connector.kafka.source.reader.KafkaRecordEmitter;
import org.apache.flink.connector.kafka.source.reader.KafkaSourceReader;
import org.apache.flink.connector.kafka.source.reader.fetcher.KafkaSourceFetcherManager;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplitState;
import org.apache.flink.table.data.RowData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Flink's Kafka source reader, reading each partition in two phases: first up to a target, then on
 * without end. It reports each partition that reached its target to the {@link CatchUpEnumerator}.
 *
 * <p>The target of a partition is its end offset when the split arrives at this reader (at job
 * start, from the savepoint or from the enumerator), looked up by {@link EndOffsets} with the
 * source's own isolation level: for {@code read_committed} the last stable offset. The split is
 * handed to Kafka's split reader with that target as its stopping offset, so Kafka's reader decides
 * when it is reached: when the consumer's <em>position</em> is at or past it. A read_committed
 * consumer never returns transaction markers or aborted records, but its position moves past
 * them, so this test holds where "last emitted offset + 1 == end offset" never would. Flink calls
 * {@link #onSplitFinished} only after every record of the batch that reached the target was
 * emitted. The partition then continues at once as a split from the target on, with no end.
 *
 * <p>Checkpoints hold plain splits (offset, no stopping offset), exactly like Flink's own reader,
 * so a savepoint restores into this reader (which computes fresh targets) or into Flink's.
 */
@SuppressWarnings("try") // close() throws Exception, as Flink's SourceReader declares
final class CatchUpReader extends KafkaSourceReader<RowData> {
  /** A stopping offset never reached: replaces the split reader's remembered target. */
  static final long NO_END = Long.MAX_VALUE;

  private final SourceReaderContext context;
  private final EndOffsets endOffsets;

  private CatchUpReader(
      FutureCompletingBlockingQueue<RecordsWithSplitIds<ConsumerRecord<byte[], byte[]>>> queue,
      KafkaSourceFetcherManager fetchers, KafkaRecordEmitter<RowData> emitter,
      Configuration config, SourceReaderContext context, KafkaSourceReaderMetrics metrics,
      EndOffsets endOffsets) {
    super(queue, fetchers, emitter, config, context, metrics);
    this.context = context;
    this.endOffsets = endOffsets;
  }

  /** Assembles the reader as Flink's {@code KafkaSource#createReader} does, with these props. */
  static CatchUpReader create(Properties props, RowDeserializer deserializer,
      SourceReaderContext context) {
    FutureCompletingBlockingQueue<RecordsWithSplitIds<ConsumerRecord<byte[], byte[]>>> queue =
        new FutureCompletingBlockingQueue<>();
    KafkaSourceReaderMetrics metrics = new KafkaSourceReaderMetrics(context.metricGroup());
    KafkaSourceFetcherManager fetchers = new KafkaSourceFetcherManager(queue,
        () -> new KafkaPartitionSplitReader(props, context, metrics, null), finished -> {});
    Configuration config = new Configuration();
    props.stringPropertyNames().forEach(key -> config.setString(key, props.getProperty(key)));
    return new CatchUpReader(queue, fetchers, new KafkaRecordEmitter<>(deserializer), config,
        context, metrics, new EndOffsets(props, context.getIndexOfSubtask()));
  }

  /** Splits from outside (the enumerator, or restored state) first read up to their target. */
  @Override
  public void addSplits(List<KafkaPartitionSplit> splits) {
    if (splits.isEmpty()) {
      return;
    }
    List<TopicPartition> partitions = new ArrayList<>();
    splits.forEach(split -> partitions.add(split.getTopicPartition()));
    Map<TopicPartition, Long> targets = endOffsets.of(partitions);
    List<KafkaPartitionSplit> catchingUp = new ArrayList<>();
    for (KafkaPartitionSplit split : splits) {
      TopicPartition tp = split.getTopicPartition();
      catchingUp.add(new KafkaPartitionSplit(tp, split.getStartingOffset(), targets.get(tp)));
    }
    super.addSplits(catchingUp);
  }

  @Override
  protected void onSplitFinished(Map<String, KafkaPartitionSplitState> finished) {
    super.onSplitFinished(finished);
    List<KafkaPartitionSplit> continuing = new ArrayList<>();
    List<TopicPartition> caughtUp = new ArrayList<>();
    for (KafkaPartitionSplitState state : finished.values()) {
      long target = state.getStoppingOffset().orElseThrow(() -> new IllegalStateException(
          "Cannot continue Kafka split " + state + ": it finished without a target"));
      // Everything below the target was emitted or is invisible (markers, aborted records).
      long next = Math.max(target, state.getCurrentOffset());
      continuing.add(new KafkaPartitionSplit(state.getTopicPartition(), next, NO_END));
      caughtUp.add(state.getTopicPartition());
    }
    super.addSplits(continuing);
    context.sendSourceEventToCoordinator(new PartitionsCaughtUp(caughtUp));
  }

  @Override
  public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
    List<KafkaPartitionSplit> plain = new ArrayList<>();
    for (KafkaPartitionSplit split : super.snapshotState(checkpointId)) {
      plain.add(new KafkaPartitionSplit(split.getTopicPartition(), split.getStartingOffset()));
    }
    return plain;
  }

  @Override
  public void close() throws Exception {
    try {
      super.close();
    } finally {
      endOffsets.close();
    }
  }
}
