package io.sluice.core.model;

import java.util.Objects;

/**
 * {@code CREATE TEMPORARY VIEW}: pipeline-scoped, not persisted. Its query is planned inside each
 * flow that reads it.
 */
public record TemporaryView(String name, TableSpec spec, Query query, SourceLocation location)
    implements Dataset {

  public TemporaryView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public DatasetKind kind() {
    return DatasetKind.TEMPORARY_VIEW;
  }
}
