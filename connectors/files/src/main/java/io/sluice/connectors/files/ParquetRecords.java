package io.sluice.connectors.files;

import java.io.IOException;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.formats.parquet.ParquetInputFile;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * The records of a Parquet file, read row group by row group through Flink's file system (so any
 * Flink file system URI works). Skipping whole row groups on resume does not decode them.
 */
final class ParquetRecords implements RecordSource {
  private final ParquetFileReader reader;
  private final MessageType schema;
  private final MessageColumnIO columns;
  private RecordReader<Group> rows;
  private long rowsLeftInGroup;
  private int nextGroup;

  private ParquetRecords(ParquetFileReader reader, java.util.Optional<java.util.Set<String>> selection) {
    this.reader = reader;
    MessageType file = reader.getFooter().getFileMetaData().getSchema();
    this.schema = selection.map(names -> requested(file, names)).orElse(file);
    if (schema != file) {
      reader.setRequestedSchema(schema);
    }
    this.columns = new ColumnIOFactory().getColumnIO(schema, file);
  }

  static ParquetRecords open(FileSystem fs, Path file) throws IOException {
    return open(fs, file, java.util.Optional.empty());
  }

  /** The records of a file with only the top-level fields named in {@code selection} (all when empty). */
  static ParquetRecords open(FileSystem fs, Path file, java.util.Optional<java.util.Set<String>> selection)
      throws IOException {
    ParquetFileReader reader = footerReader(fs, file);
    try {
      return new ParquetRecords(reader, selection);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The file's fields named in {@code names}; the whole file schema when it has none of them. */
  private static MessageType requested(MessageType file, java.util.Set<String> names) {
    java.util.List<org.apache.parquet.schema.Type> fields = file.getFields().stream()
        .filter(f -> names.contains(f.getName())).toList();
    return fields.isEmpty() || fields.size() == file.getFieldCount() ? file : new MessageType(file.getName(), fields);
  }

  /** A reader positioned before the first row group; its footer holds the file schema. */
  static ParquetFileReader footerReader(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    FSDataInputStream in = fs.open(file);
    try {
      return ParquetFileReader.open(new ParquetInputFile(in, length), ParquetReadOptions.builder().build());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  @Override
  public ParsedRecord next() throws IOException {
    while (rowsLeftInGroup == 0) {
      PageReadStore pages = reader.readNextRowGroup();
      if (pages == null) {
        return null;
      }
      nextGroup++;
      rows = columns.getRecordReader(pages, new GroupRecordConverter(schema));
      rowsLeftInGroup = pages.getRowCount();
    }
    rowsLeftInGroup--;
    return ParsedRecord.of(ParquetValues.record(rows.read()));
  }

  @Override
  public void skip(long count) throws IOException {
    long left = count;
    while (left > 0 && rowsLeftInGroup == 0) {
      if (nextGroup >= reader.getRowGroups().size()) {
        return;
      }
      long groupRows = reader.getRowGroups().get(nextGroup).getRowCount();
      if (groupRows > left) {
        break;
      }
      reader.skipNextRowGroup();
      nextGroup++;
      left -= groupRows;
    }
    RecordSource.super.skip(left);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
