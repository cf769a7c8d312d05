package io.sluice.connectors.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The records of one file, in file order. Record positions count only records (blank lines and
 * CSV headers are not records), so "skip the first n records" resumes a file deterministically.
 */
interface RecordSource extends Closeable {

  /** The next record, or null at the end of the file. */
  ParsedRecord next() throws IOException;

  /** The next record as a row, or null at the end of the file. */
  default org.apache.flink.table.data.RowData nextRow(RecordConverter converter, String filePath) throws IOException {
    ParsedRecord record = next();
    return record == null ? null : converter.convert(record, filePath);
  }

  /** Skips up to {@code count} records. */
  default void skip(long count) throws IOException {
    for (long i = 0; i < count && next() != null; i++) {
      // skipping
    }
  }

  /** Column names the file declares even if it has no records (a CSV header); else empty. */
  default List<String> declaredColumns() {
    return List.of();
  }

  /** A source without records: a file that vanished, or an empty Parquet file. */
  static RecordSource empty() {
    return () -> null;
  }

  @Override
  default void close() throws IOException {}

  /**
   * Opens a file. {@code positionalNames} name the columns of a CSV file without header, in order.
   * Files whose name ends with {@code .gz} are decompressed and a UTF-8 byte order mark is dropped
   * (JSON and CSV).
   */
  static RecordSource open(FileFormat format, FormatOptions options, List<String> positionalNames, Path file)
      throws IOException {
    return open(format, options, positionalNames, file, java.util.Optional.empty());
  }

  /** As above; a Parquet file decodes only the top-level fields in {@code selection} (all when empty). */
  static RecordSource open(FileFormat format, FormatOptions options, List<String> positionalNames, Path file,
      java.util.Optional<java.util.Set<String>> selection) throws IOException {
    FileSystem fs = file.getFileSystem();
    if (format == FileFormat.PARQUET) {
      return fs.getFileStatus(file).getLen() == 0 ? empty() : ParquetRecords.open(fs, file, selection);
    }
    InputStream in = fs.open(file);
    try {
      if (file.getName().endsWith(".gz")) {
        in = new GZIPInputStream(in, 64 * 1024);
      }
      in = withoutByteOrderMark(in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    if (format == FileFormat.CSV) {
      return new CsvRecords(in, options, positionalNames);
    }
    RecordSource json = options.multiLine() ? JsonDocumentRecords.read(in) : new JsonLinesRecords(in);
    return format == FileFormat.DEBEZIUM_JSON ? new DebeziumRecords(json) : json;
  }

  /** Drops a UTF-8 byte order mark, which spreadsheet exports put before the first header name. */
  private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, 3);
    byte[] head = pushback.readNBytes(3);
    boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    if (!bom) {
      pushback.unread(head);
    }
    return pushback;
  }
}
