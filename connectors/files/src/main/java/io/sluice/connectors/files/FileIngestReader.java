package io.sluice.connectors.files;

import java.util.Map;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.table.data.RowData;

/**
 * Reads the files assigned to one subtask on a fetcher thread and emits their rows, counting each
 * emitted record in the split state so that a checkpoint resumes a file exactly where it was. It
 * asks the enumerator for a file only when it holds none, which the enumerator's catch-up relies on.
 */
@SuppressWarnings("try") // close() is inherited from SourceReaderBase
final class FileIngestReader
    extends SingleThreadMultiplexSourceReaderBase<RowData, RowData, FileSplit, FileSplitState> {

  FileIngestReader(FileReadSpec spec, SourceReaderContext context) {
    super(() -> new FileSplitReader(spec), new RowEmitter(), context.getConfiguration(), context);
  }

  @Override
  public void start() {
    if (getNumberOfCurrentlyAssignedSplits() == 0) {
      context.sendSplitRequest();
    }
  }

  @Override
  protected void onSplitFinished(Map<String, FileSplitState> finishedSplitIds) {
    if (getNumberOfCurrentlyAssignedSplits() == 0) {
      context.sendSplitRequest();
    }
  }

  @Override
  protected FileSplitState initializedState(FileSplit split) {
    return new FileSplitState(split);
  }

  @Override
  protected FileSplit toSplitType(String splitId, FileSplitState state) {
    return state.toSplit();
  }

  private static final class RowEmitter implements RecordEmitter<RowData, RowData, FileSplitState> {
    @Override
    public void emitRecord(RowData row, SourceOutput<RowData> output, FileSplitState state) {
      output.collect(row);
      state.recordEmitted();
    }
  }
}
