package io.sluice.connectors.delta;

import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.table.data.RowData;

/**
 * Reads the splits assigned to one source subtask, one file at a time in a fetcher thread, and
 * asks the enumerator for the next file when it has none left.
 */
@SuppressWarnings("try") // close() is SourceReaderBase's
final class DeltaSourceReader extends
    SingleThreadMultiplexSourceReaderBase<PositionedRow, RowData, DeltaSplit, DeltaSplitState> {

  DeltaSourceReader(SourceReaderContext context, DeltaSource source) {
    super(() -> new DeltaSplitReader(source.tablePath(), source.rowType()),
        (element, output, state) -> {
          output.collect(element.row());
          state.emitted(element.position());
        },
        context.getConfiguration(),
        context);
  }

  @Override
  public void start() {
    if (getNumberOfCurrentlyAssignedSplits() == 0) {
      context.sendSplitRequest();
    }
  }

  @Override
  protected void onSplitFinished(Map<String, DeltaSplitState> finishedSplitIds) {
    context.sendSplitRequest();
  }

  @Override
  protected DeltaSplitState initializedState(DeltaSplit split) {
    return new DeltaSplitState(split);
  }

  @Override
  protected DeltaSplit toSplitType(String splitId, DeltaSplitState state) {
    return state.toSplit();
  }
}
