package io.sluice.connectors.cdc.postgres;

import io.sluice.connectors.progress.PublishGate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitBase;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.table.data.RowData;

/**
 * Flink CDC's reader, with two changes for triggered runs; in a continuous run (no marker, a gate
 * that is always open) both do nothing, and it is Flink CDC's reader with a {@link CatchUpEmitter}.
 *
 * <p>When the stream split arrives (restored at job start, or assigned once the initial snapshot
 * is done) it first sets the {@link CatchUpPoint} at the end of the WAL; its emitter marks the
 * catch-up when the stream has been read up to there. The split itself is unchanged: reading goes
 * on, without end, until the driver stops the job with a savepoint.
 *
 * <p>It tells Flink CDC about a completed checkpoint, which moves the replication slot's
 * confirmed position to that checkpoint's offset, only when the {@link PublishGate} lets the
 * checkpoint publish. In a triggered run that is the savepoint that ends the run, so the slot
 * never gets ahead of what the flow's tables made visible: a run that fails before has moved
 * neither, and the next one reads its changes again. Continuous runs use a gate that is always
 * open, as Flink CDC does on its own.
 */
final class CatchUpReader implements SourceReader<RowData, SourceSplitBase> {
  private final SourceReader<RowData, SourceSplitBase> delegate;
  private final CatchUpPoint point;
  private final PostgresEndpoint endpoint;
  private final PublishGate gate;

  CatchUpReader(SourceReader<RowData, SourceSplitBase> delegate, CatchUpPoint point,
      PostgresEndpoint endpoint, PublishGate gate) {
    this.delegate = delegate;
    this.point = point;
    this.endpoint = endpoint;
    this.gate = gate;
  }

  @Override
  public void addSplits(List<SourceSplitBase> splits) {
    if (splits.stream().anyMatch(SourceSplitBase::isStreamSplit)) {
      point.setAtEndOfWal(endpoint);
    }
    delegate.addSplits(splits);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (gate.allows(checkpointId)) {
      delegate.notifyCheckpointComplete(checkpointId);
    }
  }

  // Everything else passes through.

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<RowData> output) throws Exception {
    return delegate.pollNext(output);
  }

  @Override
  public List<SourceSplitBase> snapshotState(long checkpointId) {
    return delegate.snapshotState(checkpointId);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return delegate.isAvailable();
  }

  @Override
  public void notifyNoMoreSplits() {
    delegate.notifyNoMoreSplits();
  }

  @Override
  public void handleSourceEvents(SourceEvent sourceEvent) {
    delegate.handleSourceEvents(sourceEvent);
  }

  @Override
  public void pauseOrResumeSplits(Collection<String> toPause, Collection<String> toResume) {
    delegate.pauseOrResumeSplits(toPause, toResume);
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    delegate.notifyCheckpointAborted(checkpointId);
  }

  @Override
  public void close() throws Exception {
    delegate.close();
  }
}
