package io.sluice.connectors.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.data.RowData;

/**
 * Reads the rows of a table's latest snapshot in the calling thread, through Kernel's read loop
 * (deletion vectors and partition columns applied). Meant for inspecting small results ({@code
 * sluice show}, counts), not for jobs: those use {@link DeltaSource}.
 */
final class DeltaTableScan {
  private DeltaTableScan() {}

  /** Up to {@code limit} rows (all rows when {@code limit < 0}). */
  static List<RowData> read(Engine engine, Snapshot snapshot, long limit) {
    List<RowData> result = new ArrayList<>();
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    RowDataReader reader = new RowDataReader(snapshot.getSchema());
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext() && (limit < 0 || result.size() < limit)) {
        try (CloseableIterator<Row> rows = files.next().getRows()) {
          while (rows.hasNext() && (limit < 0 || result.size() < limit)) {
            readFile(engine, scanState, rows.next(), reader, result, limit);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Delta table " + snapshot.getPath(), e);
    }
    return result;
  }

  private static void readFile(Engine engine, Row scanState, Row scanFile, RowDataReader reader,
      List<RowData> out, long limit) throws IOException {
    CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
        .readParquetFiles(DataFileWriter.iterator(List.of(KernelInternals.dataFile(scanFile)).iterator()),
            KernelInternals.physicalReadSchema(scanState), Optional.empty())
        .map(FileReadResult::getData);
    try (CloseableIterator<FilteredColumnarBatch> batches =
        Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
      while (batches.hasNext()) {
        FilteredColumnarBatch batch = batches.next();
        ColumnarBatch data = batch.getData();
        Optional<ColumnVector> selected = batch.getSelectionVector();
        for (int i = 0; i < data.getSize() && (limit < 0 || out.size() < limit); i++) {
          if (selected.isEmpty() || (!selected.get().isNullAt(i) && selected.get().getBoolean(i))) {
            out.add(reader.read(data, i));
          }
        }
      }
    }
  }
}
