package io.sluice.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.ChangeSpec;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import io.sluice.core.sql.SqlDefinitionParser;
import io.sluice.core.sql.SqlQuerySyntax;
import io.sluice.core.text.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlChangeFlowTest {

  @Test
  void anAutoCdcBlockMeansWhatTheSqlStatementMeans() {
    Problems problems = new Problems();
    DefinitionSet yaml = YamlDefinitionParser.parse(new SourceFile("defs.yaml", """
        flows:
          - name: apply_users
            target: users
            auto_cdc:
              source: STREAM(users_raw)
              keys: [userId]
              sequence_by: sequenceNum
              apply_as_deletes: operation = 'DELETE'
              apply_as_truncates: operation = 'TRUNCATE'
              ignore_null_updates: true
              except_column_list: [operation, sequenceNum]
              stored_as_scd_type: 1
        """), new SqlQuerySyntax(Map.of()), problems);
    DefinitionSet sql = SqlDefinitionParser.parse(new SourceFile("defs.sql", """
        CREATE FLOW apply_users AS AUTO CDC INTO users FROM STREAM(users_raw) KEYS (userId)
          IGNORE NULL UPDATES APPLY AS DELETE WHEN operation = 'DELETE'
          APPLY AS TRUNCATE WHEN operation = 'TRUNCATE' SEQUENCE BY sequenceNum
          COLUMNS * EXCEPT (operation, sequenceNum) STORED AS SCD TYPE 1;
        """), Map.of(), problems);

    assertThat(problems.list()).isEmpty();
    QueryFlow fromYaml = (QueryFlow) yaml.flows().get(0);
    QueryFlow fromSql = (QueryFlow) sql.flows().get(0);
    assertThat(fromYaml.name()).isEqualTo("apply_users");
    assertThat(fromYaml.target()).isEqualTo("users");
    assertThat(fromYaml.changes()).isEqualTo(fromSql.changes());
    assertThat(fromYaml.query().sql().text().replace("`", ""))
        .isEqualTo(fromSql.query().sql().text().replace("`", ""));
    assertThat(fromYaml.query().references()).extracting(r -> r.name()).containsExactly("users_raw");
  }

  @Test
  void snapshotsAndTrackedHistory() {
    Problems problems = new Problems();
    DefinitionSet yaml = YamlDefinitionParser.parse(new SourceFile("defs.yaml", """
        flows:
          - name: customers
            target: customers_history
            auto_cdc: {snapshot: crm_customers, keys: [id], stored_as_scd_type: 2,
                       track_history_except_column_list: [updated_at]}
        """), new SqlQuerySyntax(Map.of()), problems);

    assertThat(problems.list()).isEmpty();
    ChangeSpec spec = ((QueryFlow) yaml.flows().get(0)).changes().orElseThrow();
    assertThat(spec.fromSnapshot()).isTrue();
    assertThat(spec.scdType()).isEqualTo(2);
    assertThat(spec.trackHistory().includes("updated_at")).isFalse();
    assertThat(spec.trackHistory().includes("name")).isTrue();
  }

  @Test
  void mistakesPointIntoTheYamlFile() {
    Problems problems = new Problems();
    YamlDefinitionParser.parse(new SourceFile("bad.yaml", """
        flows:
          - name: a
            target: t
            auto_cdc: {keys: [id], sequence_by: ts}
          - name: b
            target: t
            auto_cdc: {source: STREAM(s), keys: [id], sequence_by: ts, stored_as_scd_type: 3, apply_when: x}
          - name: c
            target: t
            query: SELECT 1
            auto_cdc: {source: STREAM(s), keys: [id], sequence_by: ts}
        """), new SqlQuerySyntax(Map.of()), problems);

    assertThat(problems.list()).extracting(p -> p.code() + "@" + p.location().line())
        .containsExactlyInAnyOrder("YAML_MISSING_KEY@4", "YAML_UNKNOWN_KEY@7", "SQL_SYNTAX@7",
            "YAML_INVALID_VALUE@11");
    assertThat(problems.list()).extracting(Problem::location).allMatch(l -> l.file().equals("bad.yaml"));
  }
}
