package io.sluice.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import io.sluice.core.sql.SqlQuerySyntax;
import io.sluice.core.text.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDefinitionParserTest {
  private static final String DEFS = """
      datasets:
        - name: raw_orders
          kind: streaming_table
          comment: orders as they arrive
          partitioned_by: [day]
          table_properties: {quality: bronze}
          expectations:
            - name: valid_id
              expression: id IS NOT NULL
              on_violation: drop
            - {name: known_status, expression: "status IN (\\"new\\", 'paid')"}
          query: |
            SELECT *, CAST(ts AS DATE) AS day
            FROM STREAM read_files('${root}/orders', format => 'json')
        - name: totals
          kind: materialized_view
          query: SELECT day, COUNT(*) AS n FROM raw_orders GROUP BY day
      flows:
        - name: backfill
          target: raw_orders
          once: true
          query: SELECT * FROM delta.`/old/orders`
      """;

  @Test
  void readsTheSameModelAsSql() {
    Problems problems = new Problems();
    DefinitionSet defs = YamlDefinitionParser.parse(new SourceFile("defs.yaml", DEFS),
        new SqlQuerySyntax(Map.of("root", "/data")), problems);
    assertThat(problems.list()).isEmpty();
    StreamingTable raw = (StreamingTable) defs.datasets().get(0);
    assertThat(raw.spec().partitionColumns()).containsExactly("day");
    assertThat(raw.spec().properties()).containsEntry("quality", "bronze");
    assertThat(raw.spec().expectations()).extracting(Expectation::action)
        .containsExactly(ViolationAction.DROP, ViolationAction.WARN);
    assertThat(raw.spec().expectations().get(1).predicate().text()).isEqualTo("status IN ('new', 'paid')");
    assertThat(defs.datasets().get(1)).isInstanceOf(MaterializedView.class);
    assertThat(defs.flows()).extracting(f -> f.name()).containsExactly("raw_orders", "totals", "backfill");
    QueryFlow rawFlow = (QueryFlow) defs.flows().get(0);
    assertThat(rawFlow.query().references().get(0).name()).isEqualTo("/data/orders");
    QueryFlow backfill = (QueryFlow) defs.flows().get(2);
    assertThat(backfill.once()).isTrue();
    assertThat(backfill.implicit()).isFalse();
  }

  @Test
  void declaresAWatermarkLikeSql() {
    Problems problems = new Problems();
    DefinitionSet defs = YamlDefinitionParser.parse(new SourceFile("defs.yaml", """
        datasets:
          - name: events
            kind: streaming_table
            table_properties: {late.rows: quarantine}
            watermark: {column: ts, expression: "ts - INTERVAL '10' SECOND"}
            query: SELECT * FROM STREAM read_files('in', format => 'json')
        """), new SqlQuerySyntax(Map.of()), problems);
    assertThat(problems.list()).isEmpty();
    StreamingTable events = (StreamingTable) defs.datasets().get(0);
    assertThat(events.spec().watermark()).hasValueSatisfying(w -> {
      assertThat(w.column()).isEqualTo("ts");
      assertThat(w.delay()).isEqualTo(java.time.Duration.ofSeconds(10));
      assertThat(w.expression().start().line()).isEqualTo(5);
    });
    assertThat(io.sluice.core.model.LateRows.of(events)).isEqualTo(io.sluice.core.model.LateRows.QUARANTINE);
  }

  @Test
  void queryPositionsMapBackIntoTheYamlFile() {
    Problems problems = new Problems();
    DefinitionSet defs = YamlDefinitionParser.parse(new SourceFile("defs.yaml", DEFS),
        new SqlQuerySyntax(Map.of("root", "/data")), problems);
    QueryFlow rawFlow = (QueryFlow) defs.flows().get(0);
    // line 2 of the query is "FROM STREAM read_files(...)": FROM is at line 14, column 7 of the file
    assertThat(rawFlow.query().sql().locate(2, 1).line()).isEqualTo(14);
    assertThat(rawFlow.query().sql().locate(2, 1).column()).isEqualTo(7);
  }

  @Test
  void reportsUnknownKeysAndBadValuesAtOnce() {
    Problems problems = new Problems();
    YamlDefinitionParser.parse(new SourceFile("bad.yaml", """
        datasets:
          - name: a
            kind: streaming_tabel
          - name: b
            kind: materialized_view
            quer: SELECT 1
            expectations:
              - {name: e, expression: x > 0, on_violation: explode}
        views: []
        """), new SqlQuerySyntax(Map.of()), problems);
    assertThat(problems.list()).extracting(Problem::code).containsExactlyInAnyOrder(
        ErrorCode.YAML_INVALID_VALUE, ErrorCode.YAML_UNKNOWN_KEY, ErrorCode.YAML_INVALID_VALUE,
        ErrorCode.YAML_UNKNOWN_KEY);
    assertThat(problems.list()).allMatch(p -> p.location().line() > 0);
  }
}
