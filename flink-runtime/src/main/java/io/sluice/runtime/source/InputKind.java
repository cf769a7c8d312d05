package io.sluice.runtime.source;

/** What a flow input is physically. */
public enum InputKind {
  FILES,
  DELTA,
  ICEBERG,
  KAFKA
}
