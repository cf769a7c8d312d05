package io.sluice.connectors.kafka;

import io.sluice.connectors.progress.CatchUpMarker;
import java.util.Properties;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * Flink's unbounded {@link KafkaSource} of rows, with Sluice's catch-up signal when a marker is
 * given: then its readers are {@link CatchUpReader}s and its enumerator a {@link
 * CatchUpEnumerator}. Splits, enumerator state and their serializers are always Flink's own, so a
 * savepoint of a triggered run restores into a continuous one and back.
 */
final class KafkaRowSource implements Source<RowData, KafkaPartitionSplit, KafkaSourceEnumState>,
    ResultTypeQueryable<RowData> {
  private static final long serialVersionUID = 1L;

  private final KafkaSource<RowData> delegate;
  private final Properties props;
  private final RowDeserializer deserializer;
  private final Subscription subscription;
  private final CatchUpMarker marker;

  KafkaRowSource(Properties props, Subscription subscription, OffsetsInitializer startingOffsets,
      RowDeserializer deserializer, CatchUpMarker marker) {
    this.delegate = KafkaSource.<RowData>builder()
        .setProperties(props)
        .setKafkaSubscriber(subscription.subscriber())
        .setStartingOffsets(startingOffsets)
        .setDeserializer(deserializer)
        .build();
    this.props = props;
    this.deserializer = deserializer;
    this.subscription = subscription;
    this.marker = marker;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public TypeInformation<RowData> getProducedType() {
    return deserializer.getProducedType();
  }

  @Override
  public SourceReader<RowData, KafkaPartitionSplit> createReader(SourceReaderContext context)
      throws Exception {
    if (!marker.isEnabled()) {
      return delegate.createReader(context);
    }
    deserializer.open(new DeserializationSchema.InitializationContext() {
      @Override
      public MetricGroup getMetricGroup() {
        return context.metricGroup().addGroup("deserializer");
      }

      @Override
      public UserCodeClassLoader getUserCodeClassLoader() {
        return context.getUserCodeClassLoader();
      }
    });
    return CatchUpReader.create(props, deserializer, context);
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context) {
    SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
        delegate.createEnumerator(context);
    return marker.isEnabled()
        ? new CatchUpEnumerator(enumerator, context, subscription, props, marker) : enumerator;
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state)
      throws Exception {
    SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> enumerator =
        delegate.restoreEnumerator(context, state);
    return marker.isEnabled()
        ? new CatchUpEnumerator(enumerator, context, subscription, props, marker) : enumerator;
  }

  @Override
  public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
    return delegate.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
    return delegate.getEnumeratorCheckpointSerializer();
  }

  @Override
  public String toString() {
    return "KafkaRowSource[" + subscription + "]";
  }
}
