package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.problem.Problems;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * One file with many mistakes: every one is reported at its line and column, good statements
 * survive.
 */
class SyntaxErrorsTest {

  @Test
  void reportsEveryErrorOfTheFileAtItsPlace() throws IOException {
    Problems problems = new Problems();
    Parsed parsed =
        new Parsed(null, GoldenFilesTest.parse("syntax_errors", problems), problems.list());

    assertThat(parsed.where())
        .containsExactly(
            "SQL_SYNTAX@6:3", // 'SELEC' after the column list
            "SQL_SYNTAX@8:37", // materialized view without a query
            "SQL_SYNTAX@11:45", // ON VIOLATION EXPLODE
            "SQL_SYNTAX@14:50", // count( never closed
            "SQL_SYNTAX@18:47", // string never closed
            "SQL_SYNTAX@20:42", // COMMENT twice
            "UNKNOWN_PARAMETER@22:77", // ${region}
            "SQL_SYNTAX@24:24", // no name
            "SQL_SYNTAX@27:1", // missing ';' before CREATE
            "SQL_SYNTAX@29:66"); // BOGUS after a column type
    assertThat(parsed.definitions().datasets())
        .extracting("name")
        .containsExactly(
            "ok_one", "ok_two", "unknown_param", "no_semicolon", "after_missing_semicolon");
  }

  @Test
  void namesWhatWasExpectedAndWhatWasFound() throws IOException {
    Problems problems = new Problems();
    GoldenFilesTest.parse("syntax_errors", problems);

    assertThat(problems.list().get(0).message())
        .contains(
            "CREATE STREAMING TABLE", "AS or the end of the statement", "column list", "'SELEC'");
    assertThat(problems.list()).allSatisfy(p -> assertThat(p.action()).isNotBlank());
  }

  @Test
  void reportsErrorsOfEveryNotebookCell() {
    Parsed parsed =
        Parsed.sql(
            String.join(
                "\n",
                "-- Databricks notebook source",
                "CREATE MATERIALIZED VIEW a AS SELECT * FROM (SELECT 1",
                "-- COMMAND ----------",
                "CREATE MATERIALIZED VIEW b AS SELECT 1 AS x",
                "-- COMMAND ----------",
                "CREATE STREAMING TABLE c (id INT,) AS SELECT * FROM STREAM(b)"));

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@2:45", "SQL_SYNTAX@6:34");
    assertThat(parsed.dataset("b")).isNotNull();
  }
}
