package io.sluice.core.model;

import java.util.Objects;

/** {@code CREATE STREAMING TABLE}: an incremental, append-style target fed by one or more flows. */
public record StreamingTable(
    String name, TableSpec spec, Visibility visibility, SourceLocation location)
    implements Dataset {

  public StreamingTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public DatasetKind kind() {
    return DatasetKind.STREAMING_TABLE;
  }
}
