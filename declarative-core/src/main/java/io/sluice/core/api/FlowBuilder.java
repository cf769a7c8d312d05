package io.sluice.core.api;

import io.sluice.core.model.Flow;
import io.sluice.core.model.Names;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.sql.SqlQuerySyntax;
import io.sluice.core.text.MappedText;
import java.util.Optional;

/** One explicit flow defined in Java; see {@link PipelineBuilder}. */
public final class FlowBuilder {
  private final String name;
  private final SourceLocation location;
  private String target;
  private String query;
  private boolean once;

  FlowBuilder(String name) {
    this.name = name;
    this.location = SourceLocation.of("<java:flow " + name + ">", 1, 1);
  }

  public FlowBuilder into(String targetDataset) {
    this.target = Names.normalize(targetDataset);
    return this;
  }

  public FlowBuilder query(String sql) {
    this.query = sql;
    return this;
  }

  /** {@code INSERT INTO ONCE}: a backfill that runs once, and again on a full refresh. */
  public FlowBuilder once() {
    this.once = true;
    return this;
  }

  Optional<Flow> build(SqlQuerySyntax syntax, Problems problems) {
    if (target == null || query == null) {
      problems.error(ErrorCode.MISSING_QUERY, location,
          "Cannot define flow '" + name + "': it needs a target and a query", "Call into(...) and query(...).");
      return Optional.empty();
    }
    MappedText text = MappedText.synthetic(query, location.file());
    return syntax.query(syntax.substitute(text, problems), problems)
        .map(q -> new QueryFlow(name, target, q, once, false, location));
  }
}
