package io.sluice.connectors.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.NullType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * Infers the data columns of files from a sample: the first {@link #sampleFiles} files in
 * discovery order (oldest first), reading at most {@link #sampleRecords} records in total.
 *
 * <p>JSON: numbers BIGINT or DOUBLE, booleans BOOLEAN, strings STRING, objects ROW, arrays ARRAY,
 * only nulls STRING; conflicting types widen (BIGINT and DOUBLE to DOUBLE, anything else to STRING).
 * CSV: the header's names (without header {@code _c0, _c1, ...}), typed BOOLEAN, BIGINT or DOUBLE
 * only with {@code inferColumnTypes=true}, else STRING. Parquet: the footer schemas, merged.
 * Debezium JSON: the table's columns, from the events' after (or before) images, typed as JSON;
 * the source adds the metadata columns. Columns are ordered by first appearance; malformed records
 * are ignored.
 */
public final class FileSchemaInference {
  private final FileDiscovery files;
  private final FileFormat format;
  private FormatOptions options = FormatOptions.defaults();
  private int sampleFiles = 100;
  private long sampleRecords = 10_000;

  private FileSchemaInference(String path, FileFormat format) {
    this.files = new FileDiscovery(path);
    this.format = Objects.requireNonNull(format, "format");
  }

  /** Inference over the files at {@code path} (a file, a folder or a glob). */
  public static FileSchemaInference of(String path, FileFormat format) {
    return new FileSchemaInference(path, format);
  }

  /** The same options as {@link FileIngestSourceBuilder#formatOptions}, including {@code inferColumnTypes}. */
  public FileSchemaInference formatOptions(Map<String, String> formatOptions) {
    this.options = FormatOptions.parse(format, formatOptions);
    return this;
  }

  /** How many files to sample at most (default 100). */
  public FileSchemaInference sampleFiles(int maxFiles) {
    this.sampleFiles = positive("sampleFiles", maxFiles);
    return this;
  }

  /** How many records to sample at most, over all sampled files (default 10,000). */
  public FileSchemaInference sampleRecords(long maxRecords) {
    this.sampleRecords = positive("sampleRecords", maxRecords);
    return this;
  }

  /** The inferred columns; throws IllegalArgumentException when there is nothing to infer from. */
  public RowType infer() {
    List<FileSplit> sample;
    try {
      sample = files.list();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot infer a schema for " + files.location() + ": " + e.getMessage(), e);
    }
    if (sample.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot infer a schema for " + files.location() + ": no files found. Add a file or"
              + " declare the schema, for example schema => 'id BIGINT, name STRING'.");
    }
    LogicalType type = new NullType();
    long budget = sampleRecords;
    for (FileSplit file : sample.subList(0, Math.min(sampleFiles, sample.size()))) {
      if (budget <= 0) {
        break;
      }
      Sample fileSample;
      try {
        fileSample = format == FileFormat.PARQUET ? footer(file) : records(file, budget);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot infer a schema from file " + file.path() + ": " + e.getMessage(), e);
      }
      type = TypeWidening.widen(type, fileSample.type());
      budget -= fileSample.records();
    }
    LogicalType result = TypeWidening.finish(type);
    if (result instanceof RowType row && format == FileFormat.DEBEZIUM_JSON) {
      result = DebeziumEnvelope.tableColumns(row);
    }
    if (!(result instanceof RowType row) || row.getFieldCount() == 0) {
      throw new IllegalArgumentException(
          "Cannot infer a schema for " + files.location() + ": the sampled files hold no records."
              + " Add data or declare the schema.");
    }
    return row;
  }

  /**
   * Parses a declared schema such as {@code id BIGINT, name STRING, tags ARRAY<STRING>} with
   * Flink's type syntax (column names may be SQL keywords); throws IllegalArgumentException on a
   * syntax error.
   */
  public static RowType parseSchema(String columns) {
    return SchemaText.parse(columns);
  }

  /** The type suggested by one file and how many records it took from the budget. */
  private record Sample(LogicalType type, long records) {}

  private Sample records(FileSplit file, long budget) throws IOException {
    boolean inferTypes = options.inferTypes(format.isJson());
    boolean text = format == FileFormat.CSV;
    LogicalType type = new NullType();
    long count = 0;
    try (RecordSource source = RecordSource.open(format, options, List.of(), new Path(file.path()))) {
      ParsedRecord record;
      while (count < budget && (record = source.next()) != null) {
        count++;
        if (!record.isMalformed()) {
          type = TypeWidening.widen(type, ValueTypes.of(record.fields(), inferTypes, text));
        }
      }
      List<RowType.RowField> header = new ArrayList<>();
      for (String column : source.declaredColumns()) {
        header.add(new RowType.RowField(column, new NullType()));
      }
      return new Sample(TypeWidening.widen(new RowType(header), type), count);
    }
  }

  private static Sample footer(FileSplit file) throws IOException {
    Path path = new Path(file.path());
    if (file.length() == 0) {
      return new Sample(new NullType(), 0);
    }
    try (ParquetFileReader reader = ParquetRecords.footerReader(path.getFileSystem(), path)) {
      return new Sample(ParquetSchema.rowType(reader.getFooter().getFileMetaData().getSchema()), 0);
    }
  }

  private static <T extends Number> T positive(String name, T value) {
    if (value.longValue() <= 0) {
      throw new IllegalArgumentException("Cannot use " + name + " " + value + ": it must be positive.");
    }
    return value;
  }
}
