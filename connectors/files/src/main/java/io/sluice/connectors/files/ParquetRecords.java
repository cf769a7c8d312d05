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

  private ParquetRecords(ParquetFileReader reader) {
    this.reader = reader;
    this.schema = reader.getFooter().getFileMetaData().getSchema();
    this.columns = new ColumnIOFactory().getColumnIO(schema);
  }

  static ParquetRecords open(FileSystem fs, Path file) throws IOException {
    return new ParquetRecords(footerReader(fs, file));
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
