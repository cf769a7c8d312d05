package io.sluice.connectors.iceberg;

import io.sluice.connectors.progress.CatchUpMarker;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.source.IcebergSource;
import org.apache.iceberg.flink.source.enumerator.IcebergEnumeratorState;
import org.apache.iceberg.flink.source.split.IcebergSourceSplit;

/**
 * Iceberg's FLIP-27 source with the produced type declared and, when it is continuous, its
 * enumerator wrapped in a {@link CatchUpEnumerator}. Readers, splits and the enumerator state
 * and its serializer are Iceberg's own, so savepoints are Iceberg's.
 */
final class RowDataSource implements Source<RowData, IcebergSourceSplit, IcebergEnumeratorState>,
    ResultTypeQueryable<RowData> {
  private static final long serialVersionUID = 1L;

  private final IcebergSource<RowData> delegate;
  private final RowType rowType;
  private final String tablePath;
  private final TableLoader loader;
  private final CatchUpMarker marker;

  RowDataSource(IcebergSource<RowData> delegate, RowType rowType, String tablePath,
      TableLoader loader, CatchUpMarker marker) {
    this.delegate = delegate;
    this.rowType = rowType;
    this.tablePath = tablePath;
    this.loader = loader;
    this.marker = marker;
  }

  @Override
  public TypeInformation<RowData> getProducedType() {
    return InternalTypeInfo.of(rowType);
  }

  @Override
  public Boundedness getBoundedness() {
    return delegate.getBoundedness();
  }

  @Override
  public SourceReader<RowData, IcebergSourceSplit> createReader(SourceReaderContext context)
      throws Exception {
    return delegate.createReader(context);
  }

  @Override
  public SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> createEnumerator(
      SplitEnumeratorContext<IcebergSourceSplit> context) {
    if (getBoundedness() == Boundedness.BOUNDED) {
      return delegate.createEnumerator(context);
    }
    CatchUpContext observed = new CatchUpContext(context);
    return new CatchUpEnumerator(delegate.createEnumerator(observed), observed,
        new StreamedTable(tablePath, loader), marker, EnumeratorPosition.NOT_STARTED);
  }

  @Override
  public SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<IcebergSourceSplit> context, IcebergEnumeratorState state) {
    if (getBoundedness() == Boundedness.BOUNDED) {
      return delegate.restoreEnumerator(context, state);
    }
    CatchUpContext observed = new CatchUpContext(context);
    return new CatchUpEnumerator(delegate.restoreEnumerator(observed, state), observed,
        new StreamedTable(tablePath, loader), marker, IcebergInternals.position(state));
  }

  @Override
  public SimpleVersionedSerializer<IcebergSourceSplit> getSplitSerializer() {
    return delegate.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<IcebergEnumeratorState> getEnumeratorCheckpointSerializer() {
    return delegate.getEnumeratorCheckpointSerializer();
  }
}
