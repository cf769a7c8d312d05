package io.sluice.core.model;

/** What a name in a query's FROM clause points at. */
public enum ReferenceKind {
  /** A dataset of this pipeline: {@code x}, {@code LIVE.x}, {@code STREAM(x)}. */
  DATASET,
  /** Files read with {@code read_files(...)} or {@code cloud_files(...)}. */
  FILES,
  /** A table by path: {@code delta.`/path`} or {@code iceberg.`/path`}. */
  TABLE_PATH,
  /** A qualified name such as {@code database.table}: a table published by another pipeline. */
  EXTERNAL_TABLE,
  /** Kafka topics read with {@code read_kafka(...)}. */
  KAFKA,
  /** A PostgreSQL table's changes read with {@code read_postgres(...)}. */
  POSTGRES
}
