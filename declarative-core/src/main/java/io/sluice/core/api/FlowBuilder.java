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
  private String changes;

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

  /**
   * An AUTO CDC flow instead of a query: what follows {@code AUTO CDC INTO target} in SQL, for
   * example {@code "FROM STREAM(raw) KEYS (id) APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq
   * STORED AS SCD TYPE 2"} or {@code "FROM SNAPSHOT crm KEYS (id)"}.
   */
  public FlowBuilder autoCdc(String clauses) {
    this.changes = clauses;
    return this;
  }

  /** {@code INSERT INTO ONCE}: a backfill that runs once, and again on a full refresh. */
  public FlowBuilder once() {
    this.once = true;
    return this;
  }

  Optional<Flow> build(SqlQuerySyntax syntax, Problems problems) {
    if (target == null || (query == null) == (changes == null)) {
      problems.error(ErrorCode.MISSING_QUERY, location,
          "Cannot define flow '" + name + "': it needs a target and either a query or AUTO CDC clauses",
          "Call into(...) and query(...) or autoCdc(...).");
      return Optional.empty();
    }
    if (changes != null) {
      MappedText statement = MappedText.synthetic("AUTO CDC INTO `" + target.replace("`", "``") + "` " + changes,
          location.file());
      return syntax.changeFlow(syntax.substitute(statement, problems), problems)
          .map(f -> new QueryFlow(name, target, f.query(), once, false, location, f.changes()));
    }
    MappedText text = MappedText.synthetic(query, location.file());
    return syntax.query(syntax.substitute(text, problems), problems)
        .map(q -> new QueryFlow(name, target, q, once, false, location));
  }
}
