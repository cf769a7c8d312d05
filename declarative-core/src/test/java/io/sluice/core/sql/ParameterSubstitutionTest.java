package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.Query;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import io.sluice.core.text.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSubstitutionTest {
  private static final Map<String, String> CONF =
      Map.of("catalog", "main", "root", "/mnt/in", "n", "10");

  @Test
  void leavesSecretsAsWrittenForTheConnectorToResolve() {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t AS SELECT * FROM STREAM read_postgres("
        + "hostname => '${root}', table => 'public.t', username => 'u', password => '${env:PG_PASSWORD}',"
        + " slotName => '${file:/run/secrets/slot}');", CONF);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.flow("t").query().references()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(io.sluice.core.model.ReferenceKind.POSTGRES);
      assertThat(r.name()).isEqualTo("public.t");
      assertThat(r.options()).containsEntry("hostname", "/mnt/in")
          .containsEntry("password", "${env:PG_PASSWORD}")
          .containsEntry("slotName", "${file:/run/secrets/slot}");
    });
  }

  @Test
  void substitutesEverywhereIncludingStrings() {
    Parsed parsed =
        Parsed.sql(
            "CREATE MATERIALIZED VIEW v_${n} COMMENT 'from ${root}' AS\n"
                + "SELECT * FROM ${catalog}.sales.orders WHERE path LIKE '${root}/%' LIMIT ${ n };",
            CONF);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.dataset("v_10").spec().comment()).contains("from /mnt/in");
    Query query = parsed.flow("v_10").query();
    assertThat(query.original())
        .isEqualTo("SELECT * FROM main.sales.orders WHERE path LIKE '/mnt/in/%' LIMIT 10");
    assertThat(query.references().get(0).name()).isEqualTo("main.sales.orders");
  }

  @Test
  void mapsSubstitutedTextToTheParameterAndLaterTextToItself() {
    SourceFile file = new SourceFile("p.sql", "a ${root} b");
    MappedText text = ParameterSubstitution.apply(file, CONF, new Problems());

    assertThat(text.text()).isEqualTo("a /mnt/in b");
    assertThat(text.originOf(2)).isEqualTo(2);
    assertThat(text.originOf(8)).isEqualTo(2);
    assertThat(text.originOf(10)).isEqualTo(10);
    assertThat(text.locate(10)).isEqualTo(SourceLocation.of("p.sql", 1, 11));
  }

  @Test
  void reportsUnknownParameterAtTheDollarWithTheKnownKeys() {
    Parsed parsed =
        Parsed.sql(
            "CREATE MATERIALIZED VIEW v AS\n  SELECT * FROM t WHERE region = '${region}';", CONF);

    assertThat(parsed.where()).containsExactly("UNKNOWN_PARAMETER@2:35");
    assertThat(parsed.problems().get(0).action()).contains("catalog, n, root");
    assertThat(parsed.flow("v").query().original()).contains("'${region}'");
  }

  @Test
  void reportsEveryUnknownParameter() {
    Parsed parsed = Parsed.sql("SET a = ${x};\nSET b = ${y};", Map.of());

    assertThat(parsed.where()).containsExactly("UNKNOWN_PARAMETER@1:9", "UNKNOWN_PARAMETER@2:9");
    assertThat(parsed.problems().get(0).action()).contains("no keys are configured");
  }

  @Test
  void ignoresUnknownParametersInComments() {
    Parsed parsed =
        Parsed.sql(
            "-- MAGIC see ${docs}\n/* ${other} */\nCREATE MATERIALIZED VIEW v AS SELECT 1 AS x;",
            Map.of());

    assertThat(parsed.problems()).isEmpty();
  }

  @Test
  void leavesADollarWithoutBracesAlone() {
    Parsed parsed =
        Parsed.sql("CREATE MATERIALIZED VIEW v AS SELECT '$5' AS price, '${' AS open;", CONF);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.flow("v").query().sql().text())
        .isEqualTo("SELECT '$5' AS price, '${' AS open");
  }
}
