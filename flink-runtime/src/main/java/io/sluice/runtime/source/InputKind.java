package io.sluice.runtime.source;

/** What a flow input is physically. */
public enum InputKind {
  FILES,
  DELTA,
  ICEBERG,
  KAFKA,
  /** A PostgreSQL table's changes (continuous runs). */
  POSTGRES
}
