package io.sluice.connectors.files;

/** The file formats that {@link FileIngestSource} and {@link FileSchemaInference} read. */
public enum FileFormat {
  /** JSON Lines by default; whole documents (an object or a top-level array) with {@code multiLine=true}. */
  JSON,
  /** Delimited text with an optional header line; quoted values may contain delimiters and newlines. */
  CSV,
  /** Apache Parquet; the schema comes from each file's footer. */
  PARQUET,
  /**
   * Debezium JSON change events, read like {@link #JSON} and flattened into the table's columns
   * followed by change metadata; see {@link DebeziumEnvelope}.
   */
  DEBEZIUM_JSON;

  /** The format for a name such as {@code json}, {@code CSV} or {@code debezium-json}. */
  public static FileFormat of(String name) {
    String wanted = name.trim().replace('-', '_');
    for (FileFormat format : values()) {
      if (format.name().equalsIgnoreCase(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Cannot read files of format '" + name
        + "': unknown format. Use json, csv, parquet or debezium-json.");
  }

  /** Whether records are JSON objects (JSON Lines, or documents with {@code multiLine}). */
  boolean isJson() {
    return this == JSON || this == DEBEZIUM_JSON;
  }
}
