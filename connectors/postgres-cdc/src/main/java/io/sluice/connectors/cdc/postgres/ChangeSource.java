package io.sluice.connectors.cdc.postgres;

import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.connectors.progress.PublishGate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.cdc.connectors.base.source.assigner.state.PendingSplitsState;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitBase;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;

/**
 * Flink CDC's {@link PostgresIncrementalSource} (splits, state and serializers are its own), except
 * that its enumerator, when the job starts or restores, first makes sure the {@link Publication}
 * covers the captured tables, and its readers first apply the {@link PasswordLogGuard}.
 *
 * <p>The delegate is a {@link CatchUpSource} and each reader a {@link CatchUpReader}, in
 * continuous and triggered runs alike, so both store the positions of heartbeats the same way (see
 * {@link CatchUpEmitter}). A continuous run has no marker and a gate that is always open; a
 * triggered run marks its catch-up and moves the slot only at checkpoints the gate lets publish.
 * Splits and state are the same either way, so a savepoint of a triggered run restores into a
 * continuous one and back.
 */
final class ChangeSource implements Source<RowData, SourceSplitBase, PendingSplitsState>,
    ResultTypeQueryable<RowData> {
  private static final long serialVersionUID = 1L;

  private final CatchUpSource delegate;
  private final PostgresEndpoint endpoint;
  private final String publication;
  private final List<TableName> tables;
  private final CatchUpMarker marker;
  private final PublishGate gate;

  ChangeSource(CatchUpSource delegate, PostgresEndpoint endpoint,
      String publication, List<TableName> tables, CatchUpMarker marker, PublishGate gate) {
    this.delegate = delegate;
    this.endpoint = endpoint;
    this.publication = publication;
    this.tables = List.copyOf(tables);
    this.marker = marker;
    this.gate = gate;
  }

  @Override
  public Boundedness getBoundedness() {
    return delegate.getBoundedness();
  }

  @Override
  public TypeInformation<RowData> getProducedType() {
    return delegate.getProducedType();
  }

  @Override
  @SuppressWarnings("unchecked") // Flink CDC's PostgresSourceReader extends a raw reader type
  public SourceReader<RowData, SourceSplitBase> createReader(SourceReaderContext context)
      throws Exception {
    PasswordLogGuard.apply();
    CatchUpPoint point = new CatchUpPoint(marker);
    SourceReader<RowData, SourceSplitBase> reader = delegate.createReader(context, point);
    return new CatchUpReader(reader, point, endpoint, gate);
  }

  @Override
  public SplitEnumerator<SourceSplitBase, PendingSplitsState> createEnumerator(
      SplitEnumeratorContext<SourceSplitBase> context) throws Exception {
    Publication.ensure(endpoint, publication, tables);
    return delegate.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<SourceSplitBase, PendingSplitsState> restoreEnumerator(
      SplitEnumeratorContext<SourceSplitBase> context, PendingSplitsState state)
      throws Exception {
    Publication.ensure(endpoint, publication, tables);
    return delegate.restoreEnumerator(context, state);
  }

  @Override
  public SimpleVersionedSerializer<SourceSplitBase> getSplitSerializer() {
    return delegate.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<PendingSplitsState> getEnumeratorCheckpointSerializer() {
    return delegate.getEnumeratorCheckpointSerializer();
  }

  @Override
  public String toString() {
    return "PostgresChangeSource[" + endpoint.describe() + ", tables=" + tables
        + ", publication=" + publication + "]";
  }
}
