package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Sink;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.model.Visibility;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementFormsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CREATE STREAMING TABLE                      | STREAMING_TABLE",
        "CREATE OR REFRESH STREAMING TABLE           | STREAMING_TABLE",
        "CREATE STREAMING LIVE TABLE                 | STREAMING_TABLE",
        "create or refresh streaming live table      | STREAMING_TABLE",
        "CREATE MATERIALIZED VIEW                    | MATERIALIZED_VIEW",
        "CREATE OR REFRESH MATERIALIZED VIEW         | MATERIALIZED_VIEW",
        "CREATE LIVE TABLE                           | MATERIALIZED_VIEW",
        "CREATE OR REFRESH LIVE TABLE                | MATERIALIZED_VIEW",
        "CREATE TEMPORARY VIEW                       | TEMPORARY_VIEW",
        "CREATE OR REFRESH TEMPORARY VIEW            | TEMPORARY_VIEW",
        "CREATE TEMPORARY LIVE VIEW                  | TEMPORARY_VIEW",
        "CREATE TEMPORARY LIVE TABLE                 | TEMPORARY_VIEW",
        "CREATE TEMPORARY STREAMING TABLE            | TEMPORARY_VIEW",
        "CREATE TEMPORARY STREAMING LIVE TABLE       | TEMPORARY_VIEW",
        "CREATE LIVE VIEW                            | TEMPORARY_VIEW",
      })
  void acceptsEveryDatasetSpelling(String words, DatasetKind kind) {
    Parsed parsed = Parsed.sql(words + " t AS SELECT * FROM src;");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.dataset("t").kind()).isEqualTo(kind);
    boolean hasFlow = kind != DatasetKind.TEMPORARY_VIEW;
    assertThat(parsed.definitions().flows()).hasSize(hasFlow ? 1 : 0);
    if (hasFlow) {
      QueryFlow flow = parsed.flow("t");
      assertThat(flow.target()).isEqualTo("t");
      assertThat(flow.implicit()).isTrue();
      assertThat(flow.once()).isFalse();
      assertThat(flow.query().sql().text()).isEqualTo("SELECT * FROM `src`");
    } else {
      assertThat(parsed.viewQuery("t").sql().text()).isEqualTo("SELECT * FROM `src`");
    }
  }

  @Test
  void declaresStreamingTableWithoutQueryAndWithoutFlow() {
    Parsed parsed = Parsed.sql("CREATE OR REFRESH STREAMING TABLE target (id BIGINT);");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.dataset("target")).isInstanceOf(StreamingTable.class);
    assertThat(parsed.dataset("target").spec().columns()).hasSize(1);
    assertThat(parsed.definitions().flows()).isEmpty();
  }

  @Test
  void marksPrivateDatasets() {
    Parsed parsed =
        Parsed.sql(
            "CREATE OR REFRESH PRIVATE STREAMING TABLE a AS SELECT * FROM STREAM(s);\n"
                + "CREATE PRIVATE MATERIALIZED VIEW b AS SELECT * FROM s;\n"
                + "CREATE STREAMING TABLE c AS SELECT * FROM STREAM(s);");

    assertThat(((StreamingTable) parsed.dataset("a")).visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(((MaterializedView) parsed.dataset("b")).visibility()).isEqualTo(Visibility.PRIVATE);
    assertThat(((StreamingTable) parsed.dataset("c")).visibility()).isEqualTo(Visibility.PUBLIC);
  }

  @Test
  void rejectsPrivateOnTemporaryViews() {
    Parsed parsed = Parsed.sql("CREATE PRIVATE TEMPORARY VIEW v AS SELECT 1;");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:8");
    assertThat(parsed.definitions().datasets()).isEmpty();
  }

  @Test
  void readsPlainViewAsTemporaryViewWithWarning() {
    Parsed parsed = Parsed.sql("CREATE VIEW v AS SELECT * FROM src;");

    assertThat(parsed.dataset("v").kind()).isEqualTo(DatasetKind.TEMPORARY_VIEW);
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING))
        .satisfies(p -> assertThat(p.location().column()).isEqualTo(13));
  }

  @Test
  void readsAppendFlows() {
    Parsed parsed =
        Parsed.sql(
            String.join(
                "\n",
                "CREATE STREAMING TABLE all_orders;",
                "CREATE FLOW eu AS INSERT INTO all_orders BY NAME SELECT * FROM STREAM(orders_eu);",
                "CREATE FLOW us COMMENT 'US feed' AS INSERT INTO LIVE.all_orders BY NAME",
                "  SELECT * FROM STREAM(LIVE.orders_us);",
                "CREATE FLOW backfill AS INSERT INTO ONCE all_orders BY NAME SELECT * FROM"
                    + " archive.orders;"));

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.definitions().flows())
        .extracting("name", "target", "once", "implicit")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("eu", "all_orders", false, false),
            org.assertj.core.groups.Tuple.tuple("us", "all_orders", false, false),
            org.assertj.core.groups.Tuple.tuple("backfill", "all_orders", true, false));
    assertThat(parsed.flow("us").query().sql().text()).isEqualTo("SELECT * FROM `orders_us`");
    assertThat(parsed.flow("us").location().line()).isEqualTo(3);
  }

  @Test
  void readsSinksInDltAndFlinkStyle() {
    Parsed parsed =
        Parsed.sql(
            String.join(
                "\n",
                "CREATE SINK k USING KAFKA OPTIONS (topic = 'orders', 'kafka.bootstrap.servers' ="
                    + " 'b:9092');",
                "CREATE SINK f WITH ('connector' = 'kafka', 'topic' = 'x');",
                "CREATE SINK d OPTIONS (\"format\" = \"delta\", path = '/out');"));

    assertThat(parsed.problems()).isEmpty();
    Sink k = (Sink) parsed.dataset("k");
    assertThat(k.format()).isEqualTo("kafka");
    assertThat(k.options())
        .isEqualTo(Map.of("topic", "orders", "kafka.bootstrap.servers", "b:9092"));
    assertThat(((Sink) parsed.dataset("f")).format()).isEqualTo("kafka");
    assertThat(((Sink) parsed.dataset("f")).options()).containsEntry("topic", "x");
    assertThat(((Sink) parsed.dataset("d")).format()).isEqualTo("delta");
    assertThat(((Sink) parsed.dataset("d")).options()).containsEntry("path", "/out");
  }

  @Test
  void rejectsSinkWithoutFormat() {
    Parsed parsed = Parsed.sql("CREATE SINK s OPTIONS (path = '/out');");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:13");
    assertThat(parsed.definitions().datasets()).isEmpty();
  }

  @Test
  void normalizesBacktickedAndMixedCaseNames() {
    Parsed parsed =
        Parsed.sql(
            "CREATE MATERIALIZED VIEW `Daily_Revenue` AS SELECT 1 AS x;\n"
                + "CREATE MATERIALIZED VIEW Weekly AS SELECT 1 AS x;");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.definitions().datasets())
        .extracting("name")
        .containsExactly("daily_revenue", "weekly");
    assertThat(parsed.flow("daily_revenue").target()).isEqualTo("daily_revenue");
  }

  @Test
  void keepsLastPartOfQualifiedNameWithWarning() {
    Parsed parsed = Parsed.sql("CREATE MATERIALIZED VIEW main.sales.revenue AS SELECT 1 AS x;");

    assertThat(parsed.dataset("revenue")).isNotNull();
    assertThat(parsed.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(ErrorCode.INVALID_NAME);
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"`my table`", "`1st`", "`a-b`"})
  void rejectsInvalidNamesAndLeavesThemOut(String name) {
    Parsed parsed = Parsed.sql("CREATE MATERIALIZED VIEW " + name + " AS SELECT 1 AS x;");

    assertThat(parsed.codes()).containsExactly(ErrorCode.INVALID_NAME);
    assertThat(parsed.where()).containsExactly("INVALID_NAME@1:26");
    assertThat(parsed.definitions().datasets()).isEmpty();
    assertThat(parsed.definitions().flows()).isEmpty();
  }

  @Test
  void acceptsIfNotExistsAndOrReplace() {
    Parsed parsed =
        Parsed.sql("CREATE OR REPLACE MATERIALIZED VIEW IF NOT EXISTS m AS SELECT 1 AS x;");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.dataset("m").kind()).isEqualTo(DatasetKind.MATERIALIZED_VIEW);
  }

  @Test
  void changesFromSnapshotsParseInBothSpellingsAndTheWrongOrderIsReportedAtItsPlace() {
    Parsed parsed = Parsed.sql("""
        CREATE FLOW f AS APPLY CHANGES INTO t FROM SNAPSHOT s KEYS (id);
        CREATE FLOW g AS AUTO CDC FROM SNAPSHOT s INTO t KEYS (id);
        CREATE MATERIALIZED VIEW after AS SELECT 1 AS x;
        """);

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@2:27");
    assertThat(parsed.flow("f").changes().orElseThrow().fromSnapshot()).isTrue();
    assertThat(parsed.dataset("after")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE TABLE t AS SELECT 1",
        "INSERT INTO t SELECT 1",
        "SELECT * FROM t",
        "DROP TABLE t",
        "CREATE FUNCTION f AS 'x'",
        "USE CATALOG main"
      })
  void reportsOtherStatementsAsUnsupportedNamingTheDltForms(String sql) {
    Parsed parsed = Parsed.sql(sql + ";");

    assertThat(parsed.codes()).containsExactly(ErrorCode.UNSUPPORTED_STATEMENT);
    assertThat(parsed.problems().get(0).action())
        .contains("CREATE STREAMING TABLE", "CREATE MATERIALIZED VIEW");
  }

  @Test
  void readsFilesWithByteOrderMarkAndWindowsLineEnds() {
    Parsed parsed =
        Parsed.sql(
            "\uFEFF-- Databricks notebook source\r\nCREATE MATERIALIZED VIEW m AS\r\n"
                + "SELECT * FROM `LIVE`.src\r\n-- COMMAND ----------\r\nSET a=b\r\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.flow("m").query().sql().text()).isEqualTo("SELECT * FROM `src`");
    assertThat(parsed.flow("m").query().references().get(0).location().line()).isEqualTo(3);
    assertThat(parsed.definitions().settings()).isEqualTo(Map.of("a", "b"));
  }

  @Test
  void readsSetStatementsIntoSettings() {
    Parsed parsed = Parsed.sql("SET a.b = 1 hour;\nSET c=true;\nSET `d` = 'quoted value';");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.definitions().settings())
        .isEqualTo(Map.of("a.b", "1 hour", "c", "true", "d", "quoted value"));
  }

  @Test
  void rejectsSetWithoutValue() {
    Parsed parsed = Parsed.sql("SET just_a_key;");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:5");
  }
}
