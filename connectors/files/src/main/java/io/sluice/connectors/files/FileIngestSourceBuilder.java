package io.sluice.connectors.files;

import io.sluice.connectors.progress.CatchUpMarker;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.table.types.logical.RowType;

/**
 * Builds a {@link FileIngestSource}. Required: {@link #format} and {@link #schema}. Defaults:
 * rescued-data column {@code _rescued_data}, {@link Boundedness#CONTINUOUS_UNBOUNDED}, discovery
 * every 10 seconds, no pacing, no catch-up marker. {@link #build()} validates everything and throws
 * IllegalArgumentException saying what to change.
 */
public final class FileIngestSourceBuilder {
  /** The default name of the rescued-data column. */
  public static final String DEFAULT_RESCUED_COLUMN = "_rescued_data";

  private final String path;
  private FileFormat format;
  private Map<String, String> formatOptions = Map.of();
  private RowType schema;
  private String rescuedColumn = DEFAULT_RESCUED_COLUMN;
  private Boundedness boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
  private Duration discoveryInterval = Duration.ofSeconds(10);
  private int maxFilesPerTrigger;
  private CatchUpMarker marker = CatchUpMarker.none();
  private ReadColumns columns = ReadColumns.all();

  FileIngestSourceBuilder(String path) {
    this.path = path;
  }

  /** The file format. */
  public FileIngestSourceBuilder format(FileFormat format) {
    this.format = Objects.requireNonNull(format, "format");
    return this;
  }

  /**
   * Reader options, keys case-insensitive. CSV: {@code header} (default true), {@code delimiter}
   * or {@code sep} (default ,), {@code quote} ("), {@code escape} (\), {@code nullValue} (empty).
   * JSON: {@code multiLine} (default false: JSON Lines). Both: {@code inferColumnTypes} (used by
   * {@link FileSchemaInference}, ignored here). Unknown keys are rejected.
   */
  public FileIngestSourceBuilder formatOptions(Map<String, String> options) {
    this.formatOptions = Map.copyOf(Objects.requireNonNull(options, "options"));
    return this;
  }

  /**
   * The data columns, matched to record fields by exact name. For {@link FileFormat#DEBEZIUM_JSON}
   * the table's columns: the source adds the metadata columns of {@link DebeziumEnvelope}.
   */
  public FileIngestSourceBuilder schema(RowType dataColumns) {
    this.schema = Objects.requireNonNull(dataColumns, "dataColumns");
    return this;
  }

  /** The rescued-data column's name; null disables it, and a record that does not fit then fails the job. */
  public FileIngestSourceBuilder rescuedDataColumn(String name) {
    this.rescuedColumn = name;
    return this;
  }

  /** BOUNDED reads the files present at start and finishes; CONTINUOUS_UNBOUNDED keeps discovering. */
  public FileIngestSourceBuilder boundedness(Boundedness boundedness) {
    this.boundedness = Objects.requireNonNull(boundedness, "boundedness");
    return this;
  }

  /** How often an unbounded source lists the location again (the first listing is immediate). */
  public FileIngestSourceBuilder discoveryInterval(Duration interval) {
    this.discoveryInterval = Objects.requireNonNull(interval, "interval");
    return this;
  }

  /**
   * At most this many newly assigned files between two checkpoints of an unbounded source (0: no
   * limit). Needs checkpointing: without checkpoints the source stops after the first {@code n} files.
   */
  public FileIngestSourceBuilder maxFilesPerTrigger(int maxFiles) {
    this.maxFilesPerTrigger = maxFiles;
    return this;
  }

  /** Where to record that every file present at (re)start has been read. */
  public FileIngestSourceBuilder catchUpMarker(CatchUpMarker marker) {
    this.marker = Objects.requireNonNull(marker, "marker");
    return this;
  }

  /** The columns consumers read (default: all); see {@link ReadColumns}. */
  public FileIngestSourceBuilder readColumns(ReadColumns columns) {
    this.columns = Objects.requireNonNull(columns, "columns");
    return this;
  }

  public FileIngestSource build() {
    FileDiscovery files = new FileDiscovery(path);
    if (format == null) {
      throw new IllegalArgumentException(
          "Cannot read files from " + path + ": no format. Set format JSON, CSV or PARQUET.");
    }
    if (schema == null || schema.getFieldCount() == 0) {
      throw new IllegalArgumentException(
          "Cannot read files from " + path + ": no schema. Declare the columns or infer them with"
              + " FileSchemaInference.");
    }
    SupportedTypes.check(schema, format);
    RowType dataColumns = format == FileFormat.DEBEZIUM_JSON ? DebeziumEnvelope.withMetadata(schema) : schema;
    if (rescuedColumn != null && dataColumns.getFieldNames().contains(rescuedColumn)) {
      throw new IllegalArgumentException(
          "Cannot use rescued data column " + rescuedColumn + ": the schema already has a column of"
              + " that name. Rename the column or choose another rescued data column.");
    }
    if (maxFilesPerTrigger < 0) {
      throw new IllegalArgumentException(
          "Cannot use maxFilesPerTrigger " + maxFilesPerTrigger + ": use 0 (no limit) or more.");
    }
    if (discoveryInterval.isNegative() || discoveryInterval.isZero()) {
      throw new IllegalArgumentException(
          "Cannot use discovery interval " + discoveryInterval + ": it must be positive.");
    }
    FormatOptions options = FormatOptions.parse(format, formatOptions);
    FileReadSpec read =
        new FileReadSpec(files, format, options, SupportedTypes.nullable(dataColumns), rescuedColumn, columns);
    return new FileIngestSource(
        new SourceSettings(read, boundedness, discoveryInterval, maxFilesPerTrigger, marker));
  }
}
