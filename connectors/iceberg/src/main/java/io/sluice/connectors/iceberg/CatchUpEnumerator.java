package io.sluice.connectors.iceberg;

import io.sluice.connectors.progress.CatchUpMarker;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SupportsHandleExecutionAttemptSourceEvent;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.iceberg.flink.source.enumerator.IcebergEnumeratorState;
import org.apache.iceberg.flink.source.split.IcebergSourceSplit;
import org.apache.iceberg.flink.source.split.SplitRequestEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Iceberg's continuous enumerator, plus Sluice's catch-up signal. The table's current snapshot
 * when the enumerator (re)starts is the target; the source has caught up once (1) Iceberg's
 * enumerator has enumerated up to the target (its position is the target or a later snapshot),
 * (2) it holds no unassigned split, and (3) every reader has registered and waits for a split,
 * which an Iceberg reader asks for only when it has emitted all rows of the splits it had. Then
 * the marker is set, once; the source keeps running. Its state is Iceberg's, unchanged.
 *
 * <p>It also checks each range of snapshots Iceberg's enumerator moves over: Iceberg's
 * incremental scan silently skips overwrite and delete snapshots, which would leave the stream
 * out of step with the table, so they fail the job with a clear message, as does a table that was
 * replaced or rolled back. All methods run in the coordinator thread.
 */
final class CatchUpEnumerator
    implements SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState>,
        SupportsHandleExecutionAttemptSourceEvent, CatchUpContext.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUpEnumerator.class);

  private final SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> delegate;
  private final CatchUpContext context;
  private final StreamedTable table;
  private final CatchUpMarker marker;
  private EnumeratorPosition checked;
  private Optional<Long> target;
  private boolean caughtUp;

  CatchUpEnumerator(SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> delegate,
      CatchUpContext context, StreamedTable table, CatchUpMarker marker,
      EnumeratorPosition restored) {
    this.delegate = delegate;
    this.context = context;
    this.table = table;
    this.marker = marker;
    this.checked = restored;
    context.listener(this);
  }

  @Override
  public void start() {
    target = table.currentSnapshotId();
    LOG.info("Iceberg source catches up to {} from {}", target, checked);
    delegate.start();
  }

  @Override
  public void handleSourceEvent(int subtask, SourceEvent event) {
    if (event instanceof SplitRequestEvent) {
      context.readerWaits(subtask); // before the delegate, whose assignment clears it again
    }
    delegate.handleSourceEvent(subtask, event);
    checkCaughtUp();
  }

  @Override
  public void handleSourceEvent(int subtask, int attempt, SourceEvent event) {
    if (event instanceof SplitRequestEvent) {
      context.readerWaits(subtask);
    }
    if (delegate instanceof SupportsHandleExecutionAttemptSourceEvent) {
      ((SupportsHandleExecutionAttemptSourceEvent) delegate)
          .handleSourceEvent(subtask, attempt, event);
    } else {
      delegate.handleSourceEvent(subtask, event);
    }
    checkCaughtUp();
  }

  @Override
  public void discoveryFailed(Throwable error) {
    if (checked.started()) {
      table.checkHistoryKept(checked); // a replaced table fails Iceberg's planning: say why
    }
  }

  @Override
  public void discovered() {
    EnumeratorPosition now = IcebergInternals.position(state());
    if (now.started() && !now.equals(checked)) {
      if (checked.started()) {
        table.checkAppendOnly(checked, now);
      }
      checked = now;
    }
    checkCaughtUp();
  }

  private void checkCaughtUp() {
    if (caughtUp || target == null || !context.allReadersWaiting()) {
      return;
    }
    IcebergEnumeratorState state = state();
    EnumeratorPosition position = IcebergInternals.position(state);
    if (position.started() && state.pendingSplits().isEmpty()
        && table.reached(position, target)) {
      caughtUp = true;
      LOG.info("Iceberg source caught up with {} at {}", target, position);
      marker.mark();
    }
  }

  private IcebergEnumeratorState state() {
    try {
      return delegate.snapshotState(-1L); // Iceberg's continuous enumerator ignores the id
    } catch (Exception e) {
      throw new FlinkRuntimeException("Cannot read the state of Iceberg's enumerator", e);
    }
  }

  // Everything else passes through.

  @Override
  public void handleSplitRequest(int subtask, String requesterHostname) {
    delegate.handleSplitRequest(subtask, requesterHostname);
  }

  @Override
  public void addSplitsBack(List<IcebergSourceSplit> splits, int subtask) {
    context.readerBusy(subtask); // its reader failed; it waits again once it asks again
    delegate.addSplitsBack(splits, subtask);
  }

  @Override
  public void addReader(int subtask) {
    delegate.addReader(subtask);
  }

  @Override
  public IcebergEnumeratorState snapshotState(long checkpointId) throws Exception {
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
    try {
      delegate.close();
    } finally {
      table.close();
    }
  }
}
