package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.TableSpec;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableElementsTest {

  private static TableSpec spec(String elements) {
    Parsed parsed =
        Parsed.sql("CREATE STREAMING TABLE t (" + elements + ") AS SELECT * FROM STREAM(s);");
    assertThat(parsed.problems()).isEmpty();
    return parsed.dataset("t").spec();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BIGINT",
        "DECIMAL(10,2)",
        "DECIMAL(10, 2)",
        "ARRAY<STRING>",
        "MAP<STRING, INT>",
        "STRUCT<a: INT, b: STRING>",
        "ROW<a INT>",
        "ROW(a INT, b STRING)",
        "TIMESTAMP(3)",
        "TIMESTAMP_LTZ(3)",
        "ARRAY<ARRAY<INT>>",
        "MAP<STRING, ARRAY<STRUCT<x: DOUBLE>>>",
        "TIMESTAMP(3) WITH LOCAL TIME ZONE",
        "DOUBLE PRECISION",
        "INTERVAL DAY TO SECOND",
        "STRUCT<a: INT NOT NULL COMMENT 'x', b: STRING>"
      })
  void keepsColumnTypesAsWritten(String type) {
    ColumnSpec column = spec("c " + type).columns().get(0);

    assertThat(column.name()).isEqualTo("c");
    assertThat(column.type()).isEqualTo(type);
    assertThat(column.notNull()).isFalse();
  }

  @Test
  void readsNotNullCommentsAndLocations() {
    TableSpec spec =
        spec(
            "id BIGINT NOT NULL COMMENT 'the key',\n"
                + "  `Order Date` DATE COMMENT \"when\", amount DECIMAL(10,2) NULL");

    assertThat(spec.columns())
        .extracting("name", "type", "notNull", "comment")
        .containsExactly(
            tuple("id", "BIGINT", true, Optional.of("the key")),
            tuple("Order Date", "DATE", false, Optional.of("when")),
            tuple("amount", "DECIMAL(10,2)", false, Optional.empty()));
    assertThat(spec.columns().get(1).location().line()).isEqualTo(2);
    assertThat(spec.columns().get(1).location().column()).isEqualTo(3);
  }

  @Test
  void readsExpectationsWithEveryActionAndNameQuoting() {
    TableSpec spec =
        spec(
            String.join(
                ",\n",
                "CONSTRAINT plain EXPECT (id IS NOT NULL)",
                "CONSTRAINT `with spaces` EXPECT (a > 0) ON VIOLATION DROP ROW",
                "CONSTRAINT 'single quoted' EXPECT (b < 10) ON VIOLATION FAIL UPDATE",
                "CONSTRAINT \"double quoted\" EXPECT (c = 'x') on violation quarantine"));

    assertThat(spec.expectations())
        .extracting(Expectation::name, e -> e.predicate().text(), Expectation::action)
        .containsExactly(
            tuple("plain", "id IS NOT NULL", ViolationAction.WARN),
            tuple("with spaces", "a > 0", ViolationAction.DROP),
            tuple("single quoted", "b < 10", ViolationAction.FAIL),
            tuple("double quoted", "c = 'x'", ViolationAction.QUARANTINE));
    assertThat(spec.columns()).isEmpty();
    assertThat(spec.expectations().get(3).location().line()).isEqualTo(4);
  }

  @Test
  void mixesColumnsConstraintsAndWatermarkInAnyOrder() {
    TableSpec spec =
        spec(
            "CONSTRAINT ok EXPECT (ts IS NOT NULL), id INT, "
                + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, ts TIMESTAMP(3)");

    assertThat(spec.columns()).extracting("name").containsExactly("id", "ts");
    assertThat(spec.expectations()).extracting("name").containsExactly("ok");
    assertThat(spec.watermark())
        .hasValueSatisfying(
            w -> {
              assertThat(w.column()).isEqualTo("ts");
              assertThat(w.expression().text()).isEqualTo("ts - INTERVAL '5' SECOND");
            });
  }

  @Test
  void tellsColumnsNamedLikeKeywordsFromConstraints() {
    TableSpec spec = spec("constraint STRING, comment STRING NOT NULL, watermark INT");

    assertThat(spec.columns())
        .extracting("name", "type")
        .containsExactly(
            tuple("constraint", "STRING"), tuple("comment", "STRING"), tuple("watermark", "INT"));
  }

  @Test
  void rewritesSparkSyntaxInPredicates() {
    TableSpec spec =
        spec(
            "CONSTRAINT valid_email EXPECT (email RLIKE \"^[a-z]+@x\\\\.com$\") ON VIOLATION DROP"
                + " ROW");

    assertThat(spec.expectations().get(0).predicate().text())
        .isEqualTo("REGEXP(email, '^[a-z]+@x\\.com$')");
  }

  @Test
  void warnsAboutAndIgnoresInformationalKeys() {
    Parsed parsed =
        Parsed.sql(
            "CREATE STREAMING TABLE t (id INT, PRIMARY KEY (id) NOT ENFORCED,\n"
                + "  CONSTRAINT fk FOREIGN KEY (cid) REFERENCES customers (id), CONSTRAINT pk"
                + " PRIMARY KEY (id));");

    assertThat(parsed.dataset("t").spec().columns()).extracting("name").containsExactly("id");
    assertThat(parsed.dataset("t").spec().expectations()).isEmpty();
    assertThat(parsed.where())
        .containsExactly(
            "UNSUPPORTED_FEATURE@1:35", "UNSUPPORTED_FEATURE@2:3", "UNSUPPORTED_FEATURE@2:62");
    assertThat(parsed.problems()).allMatch(p -> p.severity() == Severity.WARNING);
  }

  @Test
  void warnsAboutAndIgnoresColumnPrimaryKeys() {
    Parsed parsed =
        Parsed.sql(
            "CREATE STREAMING TABLE t (id INT NOT NULL PRIMARY KEY NOT ENFORCED, v STRING);");

    assertThat(parsed.dataset("t").spec().columns())
        .extracting("name", "notNull")
        .containsExactly(tuple("id", true), tuple("v", false));
    assertThat(parsed.where()).containsExactly("UNSUPPORTED_FEATURE@1:43");
  }

  @Test
  void reportsConstraintWithoutName() {
    Parsed parsed = Parsed.sql("CREATE STREAMING TABLE t (CONSTRAINT EXPECT (x > 0));");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:38");
  }

  @Test
  void warnsOnceAboutUntypedViewColumns() {
    Parsed parsed =
        Parsed.sql(
            "CREATE TEMPORARY VIEW v (a COMMENT 'x', b, CONSTRAINT c EXPECT (a > 0))"
                + " AS SELECT 1 AS a, 2 AS b;");

    assertThat(parsed.dataset("v").spec().columns()).isEmpty();
    assertThat(parsed.dataset("v").spec().expectations()).hasSize(1);
    assertThat(parsed.where()).containsExactly("UNSUPPORTED_FEATURE@1:26");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id", // no type on a table column
        "id INT,", // trailing comma
        "m MAP<STRING, INT)", // unclosed <
        "CONSTRAINT c EXPECT ()", // empty predicate
        "CONSTRAINT c EXPECT id > 0", // predicate without parentheses
        "CONSTRAINT c CHECK (id > 0)", // CHECK is not an expectation
        "CONSTRAINT c EXPECT (id > 0) ON VIOLATION DROP",
        "WATERMARK FOR ts AS ts, WATERMARK FOR ts AS ts",
        "id INT DEFAULT 0",
        "d DECIMAL(10 > 2)",
        "id INT BOGUS",
        "id NOT NULL"
      })
  void reportsMalformedElements(String elements) {
    Parsed parsed =
        Parsed.sql("CREATE STREAMING TABLE t (" + elements + ") AS SELECT * FROM STREAM(s);");

    assertThat(parsed.codes()).containsExactly(ErrorCode.SQL_SYNTAX);
    assertThat(parsed.definitions().datasets()).isEmpty();
  }

  @Test
  void pointsAtTheBadViolationAction() {
    Parsed parsed =
        Parsed.sql(
            "CREATE STREAMING TABLE t (\n  CONSTRAINT c EXPECT (x > 0) ON VIOLATION IGNORE\n);");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@2:44");
  }
}
