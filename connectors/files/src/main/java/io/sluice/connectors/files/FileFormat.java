package io.sluice.connectors.files;

/** The file formats that {@link FileIngestSource} and {@link FileSchemaInference} read. */
public enum FileFormat {
  /** JSON Lines by default; whole documents (an object or a top-level array) with {@code multiLine=true}. */
  JSON,
  /** Delimited text with an optional header line; quoted values may contain delimiters and newlines. */
  CSV,
  /** Apache Parquet; the schema comes from each file's footer. */
  PARQUET;

  /** The format for a name such as {@code json} or {@code CSV}. */
  public static FileFormat of(String name) {
    for (FileFormat format : values()) {
      if (format.name().equalsIgnoreCase(name.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Cannot read files of format '" + name + "': unknown format. Use json, csv or parquet.");
  }
}
