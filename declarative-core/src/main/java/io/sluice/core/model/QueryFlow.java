package io.sluice.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A flow defined by a query: the query of a streaming table or materialized view, or {@code
 * CREATE FLOW f AS INSERT INTO [ONCE] target BY NAME query}. How it runs depends on its target:
 * into a streaming table or sink it appends incrementally; into a materialized view it recomputes.
 *
 * <p>An AUTO CDC (APPLY CHANGES) flow is a query flow whose rows are change events: {@code
 * changes} says how they apply to the target (see {@link ChangeSpec}).
 *
 * @param once {@code INSERT INTO ONCE}: runs once (a backfill), and again on a full refresh
 */
public record QueryFlow(
    String name, String target, Query query, boolean once, boolean implicit, SourceLocation location,
    Optional<ChangeSpec> changes)
    implements Flow {

  public QueryFlow(String name, String target, Query query, boolean once, boolean implicit,
      SourceLocation location) {
    this(name, target, query, once, implicit, location, Optional.empty());
  }

  public QueryFlow {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(location, "location");
  }
}
