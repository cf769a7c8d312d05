package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.TableFormat;
import io.sluice.core.model.TableSpec;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableClausesTest {

  @Test
  void readsClausesInAnyOrder() {
    Parsed parsed =
        Parsed.sql(
            "CREATE MATERIALIZED VIEW m (id INT)\n"
                + "USING ICEBERG TBLPROPERTIES ('a' = 'b') COMMENT 'c' PARTITIONED BY (region,"
                + " `day`)\n"
                + "AS SELECT 1 AS id, 'eu' AS region, CURRENT_DATE AS `day`;");

    assertThat(parsed.problems()).isEmpty();
    TableSpec spec = parsed.dataset("m").spec();
    assertThat(spec.format()).contains(TableFormat.ICEBERG);
    assertThat(spec.properties()).isEqualTo(Map.of("a", "b"));
    assertThat(spec.comment()).contains("c");
    assertThat(spec.partitionColumns()).isEqualTo(List.of("region", "day"));
  }

  @Test
  void readsSparkStyleTableProperties() {
    Parsed parsed =
        Parsed.sql(
            "CREATE STREAMING TABLE t TBLPROPERTIES (\n"
                + "  \"quality\" = \"silver\", pipelines.reset.allowed = false,"
                + " 'delta.minReaderVersion' = 2,\n"
                + "  'it''s' 'no equals', neg = -1.5, `back`.ticked = TRUE, 'empty' = '');");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.dataset("t").spec().properties())
        .isEqualTo(
            Map.of(
                "quality",
                "silver",
                "pipelines.reset.allowed",
                "false",
                "delta.minReaderVersion",
                "2",
                "it's",
                "no equals",
                "neg",
                "-1.5",
                "back.ticked",
                "true",
                "empty",
                ""));
  }

  @Test
  void readsDoubleQuotedComment() {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t COMMENT \"Say \\\"hi\\\" it's\";");

    assertThat(parsed.dataset("t").spec().comment()).isEqualTo(Optional.of("Say \"hi\" it's"));
  }

  @Test
  void readsDeltaFormat() {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t USING delta;");

    assertThat(parsed.dataset("t").spec().format()).contains(TableFormat.DELTA);
  }

  @Test
  void rejectsUnsupportedFormat() {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t USING PARQUET;");

    assertThat(parsed.where()).containsExactly("UNSUPPORTED_FEATURE@1:32");
    assertThat(parsed.definitions().datasets()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CLUSTER BY (a, b)",
        "CLUSTER BY AUTO",
        "LOCATION '/mnt/x'",
        "SCHEDULE EVERY 1 HOUR",
        "SCHEDULE REFRESH CRON '0 0 * * * ?' AT TIME ZONE 'UTC'",
        "TRIGGER ON UPDATE AT MOST EVERY INTERVAL 5 MINUTES"
      })
  void warnsAboutIgnoredClauses(String clause) {
    Parsed parsed =
        Parsed.sql("CREATE MATERIALIZED VIEW m " + clause + " COMMENT 'after' AS SELECT 1 AS a;");

    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(ErrorCode.UNSUPPORTED_FEATURE);
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
              assertThat(p.location().column()).isEqualTo(28);
            });
    assertThat(parsed.dataset("m").spec().comment()).contains("after");
    assertThat(parsed.flow("m").query().sql().text()).isEqualTo("SELECT 1 AS a");
  }

  @Test
  void rejectsRepeatedClause() {
    Parsed parsed =
        Parsed.sql("CREATE STREAMING TABLE t COMMENT 'a' TBLPROPERTIES ('x' = 1) COMMENT 'b';");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:62");
  }

  @Test
  void namesWhatWasExpectedAfterTheColumnList() {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t (id INT) SELEC * FROM s;");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:35");
    assertThat(parsed.problems().get(0).message()).contains("'SELEC'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TBLPROPERTIES ('a' = )",
        "TBLPROPERTIES ('a' = 'b'",
        "PARTITIONED (a)",
        "PARTITIONED BY ()",
        "COMMENT 42",
        "TBLPROPERTIES ('a' = 'b',)"
      })
  void reportsMalformedClauses(String clause) {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t " + clause + ";");

    assertThat(parsed.codes()).containsExactly(ErrorCode.SQL_SYNTAX);
  }
}
