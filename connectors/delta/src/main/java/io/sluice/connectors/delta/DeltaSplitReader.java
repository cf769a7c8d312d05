package io.sluice.connectors.delta;

import io.sluice.connectors.schema.SchemaComparison;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads split files through Kernel's read loop: the Parquet handler reads the physical columns,
 * {@code Scan.transformPhysicalData} applies deletion vectors and adds partition columns, and
 * {@link RowDataReader} turns the selected rows into Flink rows. Each fetch returns the rows of
 * one Kernel batch; the first {@code recordsToSkip} selected rows of a split are dropped.
 */
final class DeltaSplitReader implements SplitReader<PositionedRow, DeltaSplit> {
  private final String tablePath;
  private final RowType rowType;
  private final Engine engine;
  private final ArrayDeque<DeltaSplit> splits = new ArrayDeque<>();
  private final ScanStates scanStates;
  private RowDataReader rows;
  private DeltaSplit current;
  private CloseableIterator<FilteredColumnarBatch> batches;
  private long position;

  DeltaSplitReader(String tablePath, RowType rowType) {
    this.tablePath = tablePath;
    this.rowType = rowType;
    this.engine = DeltaTable.newEngine(Map.of());
    this.scanStates = new ScanStates(tablePath, rowType, engine);
  }

  @Override
  public RecordsWithSplitIds<PositionedRow> fetch() throws IOException {
    RecordsBySplits.Builder<PositionedRow> records = new RecordsBySplits.Builder<>();
    if (current == null && !open(splits.poll())) {
      return records.build();
    }
    while (batches.hasNext()) {
      FilteredColumnarBatch batch = batches.next();
      ColumnarBatch data = batch.getData();
      Optional<ColumnVector> selected = batch.getSelectionVector();
      boolean added = false;
      for (int i = 0; i < data.getSize(); i++) {
        if (selected.isPresent() && (selected.get().isNullAt(i) || !selected.get().getBoolean(i))) {
          continue;
        }
        position++;
        if (position > current.recordsToSkip()) {
          records.add(current.splitId(), new PositionedRow(rows.read(data, i), position));
          added = true;
        }
      }
      if (added) {
        return records.build();
      }
    }
    records.addFinishedSplit(current.splitId());
    closeCurrent();
    return records.build();
  }

  @Override
  public void handleSplitsChanges(SplitsChange<DeltaSplit> splitsChanges) {
    if (splitsChanges instanceof SplitsAddition) {
      splits.addAll(splitsChanges.splits());
    }
  }

  @Override
  public void wakeUp() {}

  @Override
  public void close() throws IOException {
    closeCurrent();
  }

  private boolean open(DeltaSplit split) throws IOException {
    if (split == null) {
      return false;
    }
    Row scanState = scanStates.at(split.version());
    Row scanFile = ScanFileCodec.decode(split.scanFile());
    CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
        .readParquetFiles(DataFileWriter.iterator(List.of(KernelInternals.dataFile(scanFile))
            .iterator()), KernelInternals.physicalReadSchema(scanState), Optional.empty())
        .map(FileReadResult::getData);
    batches = Scan.transformPhysicalData(engine, scanState, scanFile, physical);
    rows = scanStates.rowReader();
    current = split;
    position = 0;
    return true;
  }

  private void closeCurrent() throws IOException {
    if (batches != null) {
      batches.close();
    }
    batches = null;
    current = null;
  }

  /** The scan state of the version last read, and a check that its schema is the source's. */
  private static final class ScanStates {
    private final String tablePath;
    private final RowType rowType;
    private final Engine engine;
    private long version = -1;
    private Row state;
    private RowDataReader rowReader;

    ScanStates(String tablePath, RowType rowType, Engine engine) {
      this.tablePath = tablePath;
      this.rowType = rowType;
      this.engine = engine;
    }

    Row at(long tableVersion) {
      if (tableVersion != version) {
        Snapshot snapshot = TableManager.loadSnapshot(tablePath).atVersion(tableVersion)
            .build(engine);
        SchemaComparison comparison = DeltaSchemaComparison.between(snapshot.getSchema(), List.of(),
            DeltaTypes.toKernel(rowType), List.of());
        if (!comparison.isSame()) {
          throw new IllegalStateException(String.format(
              "Cannot read version %d of Delta table %s: its schema is not the one the job was "
                  + "built with (%s). Full-refresh the reading dataset.",
              tableVersion, tablePath, comparison.describe()));
        }
        state = snapshot.getScanBuilder().build().getScanState(engine);
        rowReader = new RowDataReader(snapshot.getSchema());
        version = tableVersion;
      }
      return state;
    }

    RowDataReader rowReader() {
      return rowReader;
    }
  }
}
