package io.sluice.connectors.cdc.postgres;

import io.sluice.connectors.progress.CatchUpMarker;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.cdc.connectors.base.config.SourceConfig;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceRecords;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitState;
import org.apache.flink.cdc.connectors.base.source.metrics.SourceReaderMetrics;
import org.apache.flink.cdc.connectors.postgres.source.PostgresDialect;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;
import org.apache.flink.cdc.connectors.postgres.source.offset.PostgresOffsetFactory;
import org.apache.flink.cdc.connectors.postgres.source.reader.PostgresSourceReader;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.table.data.RowData;

/**
 * Flink CDC's {@link PostgresIncrementalSource}, built from the same configuration as {@link
 * PostgresSourceBuilder#build()} does, whose readers emit through a {@link CatchUpEmitter}: every
 * source of this connector, continuous or triggered. Only the emitter differs: enumerator, splits,
 * state and serializers are Flink CDC's own.
 */
final class CatchUpSource extends PostgresIncrementalSource<RowData> {
  private static final long serialVersionUID = 1L;

  /** The point of the reader being created: createReader calls createRecordEmitter. */
  private transient CatchUpPoint creating;

  CatchUpSource(PostgresSourceBuilder<RowData> builder, ChangeRowDeserializer deserializer) {
    super(builder.getConfigFactory(), deserializer, new PostgresOffsetFactory(),
        new PostgresDialect(builder.getConfigFactory().create(0)));
  }

  /** A reader whose emitter reports its progress to {@code point}. */
  PostgresSourceReader createReader(SourceReaderContext context, CatchUpPoint point)
      throws Exception {
    creating = point;
    try {
      return createReader(context);
    } finally {
      creating = null;
    }
  }

  @Override
  protected RecordEmitter<SourceRecords, RowData, SourceSplitState> createRecordEmitter(
      SourceConfig sourceConfig, SourceReaderMetrics metrics) {
    return new CatchUpEmitter(deserializationSchema, metrics, sourceConfig.isIncludeSchemaChanges(),
        offsetFactory, creating != null ? creating : new CatchUpPoint(CatchUpMarker.none()));
  }
}
