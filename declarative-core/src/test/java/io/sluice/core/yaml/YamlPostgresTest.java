package io.sluice.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.problem.Problems;
import io.sluice.core.sql.SqlQuerySyntax;
import io.sluice.core.text.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A PostgreSQL source declared in YAML: parameters substituted, secrets left for connect time. */
class YamlPostgresTest {

  @Test
  void readPostgresInAYamlQueryKeepsItsSecretReferences() {
    Problems problems = new Problems();
    DefinitionSet defs = YamlDefinitionParser.parse(new SourceFile("defs.yaml", """
        datasets:
          - name: customers_changes
            kind: streaming_table
            query: |
              SELECT * FROM STREAM read_postgres(hostname => '${db_host}', database => 'shop',
                table => 'public.customers', username => 'cdc', password => '${env:PG_PASSWORD}')
          - {name: customers, kind: streaming_table}
        flows:
          - name: customers
            target: customers
            auto_cdc: {source: STREAM(customers_changes), keys: [id], sequence_by: _lsn,
                       apply_as_deletes: "_op = 'DELETE'", except_column_list: [_op, _lsn, _commit_ts, _table]}
        """), new SqlQuerySyntax(Map.of("db_host", "db.internal")), problems);

    assertThat(problems.list()).isEmpty();
    QueryFlow changes = (QueryFlow) defs.flows().get(0);
    assertThat(changes.query().references()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(ReferenceKind.POSTGRES);
      assertThat(r.options()).containsEntry("hostname", "db.internal")
          .containsEntry("password", "${env:PG_PASSWORD}");
    });
    assertThat(((QueryFlow) defs.flows().get(1)).changes()).isPresent();
  }
}
