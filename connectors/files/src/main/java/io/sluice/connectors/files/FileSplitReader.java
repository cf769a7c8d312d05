package io.sluice.connectors.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.data.RowData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads files one after the other in batches of rows, skipping the records a restored split has
 * already emitted. A file that cannot be read, or a record that does not fit while no rescued-data
 * column is configured, fails with the file and record number in the message. A file deleted
 * between listing and reading has no rows; that is logged, not failed, so it cannot cause a
 * restart loop.
 */
final class FileSplitReader implements SplitReader<RowData, FileSplit> {
  static final int BATCH_SIZE = 512;
  private static final Logger LOG = LoggerFactory.getLogger(FileSplitReader.class);

  private final FileReadSpec spec;
  private final RecordConverter converter;
  private final List<String> positionalNames;
  private final Deque<FileSplit> splits = new ArrayDeque<>();
  private FileSplit current;
  private RecordSource records;
  private long position;

  FileSplitReader(FileReadSpec spec) {
    this.spec = spec;
    this.converter = spec.newConverter();
    this.positionalNames = spec.dataColumns().getFieldNames();
  }

  @Override
  public RecordsWithSplitIds<RowData> fetch() throws IOException {
    if (current == null && !openNext()) {
      return new RecordsBySplits<>(Map.of(), Set.of());
    }
    String id = current.splitId();
    List<RowData> batch = new ArrayList<>(BATCH_SIZE);
    try {
      RowData row = null;
      while (batch.size() < BATCH_SIZE && (row = records.nextRow(converter, current.path())) != null) {
        position++;
        batch.add(row);
      }
      if (row != null) {
        return new RecordsBySplits<>(Map.of(id, batch), Set.of());
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "Cannot read record " + (position + 1) + " of file " + current.path() + ": " + e.getMessage()
              + (e instanceof RecordDoesNotFitException
                  ? ". Enable the rescued data column to keep such records, or change the schema."
                  : ""), e);
    }
    closeCurrent();
    return new RecordsBySplits<>(Map.of(id, batch), Set.of(id));
  }

  private boolean openNext() throws IOException {
    current = splits.poll();
    if (current == null) {
      return false;
    }
    position = current.recordsToSkip();
    try {
      records = RecordSource.open(spec.format(), spec.options(), positionalNames, new Path(current.path()),
          spec.selection());
      records.skip(position);
    } catch (FileNotFoundException e) {
      LOG.warn("File {} was deleted before it was read; it has no rows to ingest", current.path());
      records = RecordSource.empty();
    } catch (IOException | RuntimeException e) {
      throw new IOException("Cannot read file " + current.path() + ": " + e.getMessage(), e);
    }
    return true;
  }

  @Override
  public void handleSplitsChanges(SplitsChange<FileSplit> change) {
    if (!(change instanceof SplitsAddition)) {
      throw new UnsupportedOperationException("Cannot handle split change " + change);
    }
    splits.addAll(change.splits());
  }

  @Override
  public void wakeUp() {
    // fetch() never blocks waiting for data.
  }

  @Override
  public void close() throws IOException {
    closeCurrent();
  }

  private void closeCurrent() throws IOException {
    current = null;
    if (records != null) {
      RecordSource open = records;
      records = null;
      open.close();
    }
  }
}
