package io.sluice.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.Quarantine;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import io.sluice.core.problem.Severity;
import io.sluice.core.sql.SqlDefinitionParser;
import io.sluice.core.text.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTimeRuleTest {
  private static final String SOURCE = "CREATE STREAMING TABLE raw AS SELECT * FROM STREAM read_files('in', format => 'json');\n";

  private static List<Problem> problems(String sql) {
    Problems problems = new Problems();
    GraphBuilder.build(SqlDefinitionParser.parse(new SourceFile("p.sql", SOURCE + sql), Map.of(), problems), problems);
    return problems.list();
  }

  private static PipelineGraph graph(String sql) {
    Problems problems = new Problems();
    PipelineGraph g = GraphBuilder.build(
        SqlDefinitionParser.parse(new SourceFile("p.sql", SOURCE + sql), Map.of(), problems), problems);
    assertThat(problems.list()).isEmpty();
    return g;
  }

  @Test
  void acceptsAWatermarkWithADelayAndLateRowsToQuarantine() {
    PipelineGraph g = graph("""
        CREATE STREAMING TABLE events (WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
        TBLPROPERTIES ('late.rows' = 'quarantine') AS SELECT * FROM STREAM(raw);
        """);
    assertThat(Quarantine.tableOf(g.requireDataset("events"))).hasValue("events_quarantine");
  }

  @Test
  void lateRowsThatAreDroppedNeedNoQuarantineTable() {
    PipelineGraph g = graph("""
        CREATE STREAMING TABLE events (WATERMARK FOR ts AS ts) TBLPROPERTIES ('late.rows' = 'DROP')
        AS SELECT * FROM STREAM(raw);
        """);
    assertThat(Quarantine.tableOf(g.requireDataset("events"))).isEmpty();
  }

  @Test
  void reportsAnUnsupportedWatermarkExpressionAtItsLocationAndMarksTheDatasetInvalid() {
    Problems problems = new Problems();
    PipelineGraph g = GraphBuilder.build(SqlDefinitionParser.parse(new SourceFile("p.sql", SOURCE
        + "CREATE STREAMING TABLE events (\n  WATERMARK FOR ts AS ts + INTERVAL '5' SECOND\n) AS SELECT * FROM STREAM(raw);\n"),
        Map.of(), problems), problems);
    Problem p = problems.list().get(0);
    assertThat(p.code()).isEqualTo(ErrorCode.WATERMARK_INVALID);
    assertThat(p.message()).startsWith("Cannot use watermark expression 'ts + INTERVAL '5' SECOND'");
    assertThat(p.action()).contains("WATERMARK FOR ts AS ts - INTERVAL '5' SECOND");
    assertThat(p.location().line()).isEqualTo(3);
    assertThat(p.location().column()).isEqualTo(23);
    assertThat(g.invalid()).contains("events");
  }

  @Test
  void aMaterializedViewHasEventTimeButNoLateRows() {
    List<Problem> found = problems("""
        CREATE MATERIALIZED VIEW totals (WATERMARK FOR ts AS ts) TBLPROPERTIES ('late.rows' = 'quarantine')
        AS SELECT * FROM raw;
        """);
    assertThat(found).extracting(Problem::code, Problem::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ErrorCode.TABLE_PROPERTY_INVALID, Severity.WARNING));
  }

  @Test
  void theWatermarkColumnMustBeDeclaredWhenColumnsAre() {
    List<Problem> found = problems("""
        CREATE STREAMING TABLE events (id BIGINT, at TIMESTAMP(3), WATERMARK FOR ts AS ts)
        AS SELECT * FROM STREAM(raw);
        """);
    assertThat(found).extracting(Problem::code).containsExactly(ErrorCode.WATERMARK_INVALID);
    assertThat(found.get(0).action()).contains("id, at");
  }

  @Test
  void rejectsUnknownLateRowsValuesAndWarnsWhenThereIsNoWatermark() {
    List<Problem> found = problems("""
        CREATE STREAMING TABLE a (WATERMARK FOR ts AS ts) TBLPROPERTIES ('late.rows' = 'keep')
        AS SELECT * FROM STREAM(raw);
        CREATE STREAMING TABLE b TBLPROPERTIES ('late.rows' = 'quarantine') AS SELECT * FROM STREAM(raw);
        """);
    assertThat(found).extracting(Problem::code, Problem::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ErrorCode.TABLE_PROPERTY_INVALID, Severity.ERROR),
        org.assertj.core.groups.Tuple.tuple(ErrorCode.TABLE_PROPERTY_INVALID, Severity.WARNING));
    assertThat(found.get(0).message()).contains("'late.rows' = 'keep'");
  }
}
