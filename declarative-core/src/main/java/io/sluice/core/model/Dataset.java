package io.sluice.core.model;

/**
 * A named result of a pipeline. Streaming tables and materialized views are persisted, temporary
 * views are inlined into whatever reads them, sinks are external targets.
 */
public sealed interface Dataset permits StreamingTable, MaterializedView, TemporaryView, Sink {

  /** The normalized (lower-case) name. */
  String name();

  DatasetKind kind();

  TableSpec spec();

  SourceLocation location();
}
