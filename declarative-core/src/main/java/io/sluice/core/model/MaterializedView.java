package io.sluice.core.model;

import java.util.Objects;

/** {@code CREATE MATERIALIZED VIEW}: after each update its content equals its query. */
public record MaterializedView(
    String name, TableSpec spec, Visibility visibility, SourceLocation location)
    implements Dataset {

  public MaterializedView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public DatasetKind kind() {
    return DatasetKind.MATERIALIZED_VIEW;
  }
}
