package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import java.util.List;
import java.util.Map;

/** A parse result for tests, with lookups that fail loudly. */
record Parsed(SourceFile file, DefinitionSet definitions, List<Problem> problems) {

  static Parsed sql(String sql) {
    return sql(sql, Map.of());
  }

  static Parsed sql(String sql, Map<String, String> configuration) {
    SourceFile file = new SourceFile("test.sql", sql);
    Problems problems = new Problems();
    DefinitionSet set = SqlDefinitionParser.parse(file, configuration, problems);
    return new Parsed(file, set, problems.list());
  }

  /** Parses {@code CREATE MATERIALIZED VIEW v AS <query>} and returns the query. */
  static Query query(String query) {
    Parsed parsed = sql("CREATE MATERIALIZED VIEW v AS " + query + ";");
    assertThat(parsed.problems()).isEmpty();
    return parsed.flow("v").query();
  }

  Dataset dataset(String name) {
    return definitions.datasets().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no dataset "
                        + name
                        + " in "
                        + definitions.datasets()
                        + "; problems: "
                        + problems));
  }

  QueryFlow flow(String name) {
    return definitions.flows().stream()
        .filter(f -> f.name().equals(name))
        .map(QueryFlow.class::cast)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no flow " + name + " in " + definitions.flows() + "; problems: " + problems));
  }

  Query viewQuery(String name) {
    return ((TemporaryView) dataset(name)).query();
  }

  List<ErrorCode> codes() {
    return problems.stream().map(Problem::code).toList();
  }

  List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  /** "CODE@line:column" for every problem, in file order. */
  List<String> where() {
    return problems.stream()
        .map(p -> p.code() + "@" + p.location().line() + ":" + p.location().column())
        .toList();
  }
}
