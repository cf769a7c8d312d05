package io.sluice.core.api;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.Names;
import io.sluice.core.model.Query;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.model.TableFormat;
import io.sluice.core.model.TableSpec;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.model.Visibility;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.sql.SqlQuerySyntax;
import io.sluice.core.text.MappedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One dataset defined in Java; see {@link PipelineBuilder}. */
public final class DatasetBuilder {
  enum Kind { STREAMING_TABLE, MATERIALIZED_VIEW, TEMPORARY_VIEW }

  private final Kind kind;
  private final String name;
  private final SourceLocation location;
  private String query;
  private String comment;
  private boolean isPrivate;
  private TableFormat format;
  private final List<ColumnSpec> columns = new ArrayList<>();
  private final List<Declared> expectations = new ArrayList<>();
  private final List<String> partitionColumns = new ArrayList<>();
  private final Map<String, String> properties = new LinkedHashMap<>();

  DatasetBuilder(Kind kind, String name) {
    this.kind = kind;
    this.name = name;
    this.location = SourceLocation.of("<java:" + name + ">", 1, 1);
  }

  public DatasetBuilder query(String sql) {
    this.query = sql;
    return this;
  }

  public DatasetBuilder comment(String text) {
    this.comment = text;
    return this;
  }

  public DatasetBuilder column(String columnName, String type) {
    columns.add(new ColumnSpec(columnName, type, false, Optional.empty(), location));
    return this;
  }

  /** {@code CONSTRAINT name EXPECT (predicate) [ON VIOLATION ...]}; WARN keeps failing rows. */
  public DatasetBuilder expect(String expectation, String predicate, ViolationAction action) {
    expectations.add(new Declared(expectation, predicate, action));
    return this;
  }

  public DatasetBuilder partitionedBy(String... partitionColumnNames) {
    partitionColumns.addAll(List.of(partitionColumnNames));
    return this;
  }

  public DatasetBuilder property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public DatasetBuilder format(TableFormat tableFormat) {
    this.format = tableFormat;
    return this;
  }

  /** Persisted but not published outside the pipeline. */
  public DatasetBuilder privateTable() {
    this.isPrivate = true;
    return this;
  }

  /** An expectation as declared, before its predicate is read. */
  private record Declared(String name, String predicate, ViolationAction action) {}

  Optional<String> queryText() {
    return Optional.ofNullable(query);
  }

  Optional<Query> query(SqlQuerySyntax syntax, Problems problems) {
    MappedText text = MappedText.synthetic(query, location.file());
    return syntax.query(syntax.substitute(text, problems), problems);
  }

  Optional<Dataset> build(SqlQuerySyntax syntax, Problems problems) {
    if (!Names.isValid(name)) {
      problems.error(ErrorCode.INVALID_NAME, location, "Cannot use '" + name + "' as a dataset name: use letters,"
          + " digits and underscores, not starting with a digit", "Rename it.");
      return Optional.empty();
    }
    List<Expectation> exps = new ArrayList<>();
    for (Declared e : expectations) {
      MappedText text = MappedText.synthetic(e.predicate(), location.file());
      syntax.expression(syntax.substitute(text, problems), problems)
          .ifPresent(p -> exps.add(new Expectation(e.name(), p, e.action(), location)));
    }
    TableSpec spec = new TableSpec(columns, exps, Optional.empty(), partitionColumns,
        Optional.ofNullable(comment), properties, Optional.ofNullable(format));
    Visibility visibility = isPrivate ? Visibility.PRIVATE : Visibility.PUBLIC;
    switch (kind) {
      case STREAMING_TABLE:
        return Optional.of(new StreamingTable(name, spec, visibility, location));
      case MATERIALIZED_VIEW:
        return Optional.of(new MaterializedView(name, spec, visibility, location));
      case TEMPORARY_VIEW:
        if (query == null) {
          problems.error(ErrorCode.MISSING_QUERY, location, "Cannot define temporary view '" + name + "' without a query",
              "Call query(...).");
          return Optional.empty();
        }
        return query(syntax, problems).map(q -> new TemporaryView(name, spec, q, location));
      default:
        throw new IllegalStateException("Unknown dataset kind " + kind);
    }
  }
}
