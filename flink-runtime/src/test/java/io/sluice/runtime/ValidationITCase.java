package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.plan.PipelinePlanner;
import io.sluice.runtime.translate.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation plans every query with Flink's planner and reports every problem in one run. */
class ValidationITCase {
  @TempDir Path dir;

  private static List<Problem> validate(Path folder) {
    LoadedPipeline p = PipelineLoader.load(folder, Map.of());
    List<Problem> problems = new ArrayList<>(p.problems());
    PipelinePlanner.plan(p.spec(), p.graph(), Phase.VALIDATE, EngineConfig.of(p.spec()), problems);
    return problems.stream().filter(Problem::isError).toList();
  }

  @Test
  void cycleUnknownReferenceAndSqlErrorAreReportedTogether() {
    List<Problem> errors = validate(Path.of("src/test/resources/pipelines/three-errors"));
    assertThat(errors).extracting(Problem::code).containsExactlyInAnyOrder(
        ErrorCode.CYCLE, ErrorCode.UNKNOWN_REFERENCE, ErrorCode.QUERY_INVALID);
    assertThat(errors).extracting(e -> e.location().toString()).containsExactlyInAnyOrder(
        "sql/cycle.sql:2:26", "sql/orders.sql:6:13", "sql/orders.sql:11:12");
    Problem sql = errors.stream().filter(e -> e.code() == ErrorCode.QUERY_INVALID).findFirst().orElseThrow();
    assertThat(sql.message()).contains("amont");
  }

  @Test
  void errorsInQueriesWrittenInYamlPointIntoTheYamlFile() throws Exception {
    Files.writeString(dir.resolve("pipeline.yaml"), "name: y\n");
    Files.writeString(dir.resolve("defs.yaml"), """
        datasets:
          - name: nums
            kind: materialized_view
            query: |
              SELECT x,
                     y + 1 AS z
              FROM (VALUES (1), (2)) AS t(x)
        """);
    List<Problem> errors = validate(dir);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).location().toString()).isEqualTo("defs.yaml:6:14");
  }

  @Test
  void appendOnlyTargetsRejectUpdatingQueriesWithAnExplanation() throws Exception {
    Files.writeString(dir.resolve("pipeline.yaml"), "name: agg\n");
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("p.sql"), """
        CREATE STREAMING TABLE events AS
        SELECT * FROM STREAM read_files('data', format => 'json', schema => 'user_id STRING, n INT');
        CREATE STREAMING TABLE per_user AS
        SELECT user_id, COUNT(*) AS c FROM STREAM(events) GROUP BY user_id;
        """);
    List<Problem> errors = validate(dir);
    assertThat(errors).extracting(Problem::code).containsExactly(ErrorCode.QUERY_INVALID);
    assertThat(errors.get(0).action()).contains("materialized view");
  }

  @Test
  void declaredColumnsAreCheckedAgainstTheQuery() throws Exception {
    Files.writeString(dir.resolve("pipeline.yaml"), "name: cols\n");
    Files.writeString(dir.resolve("p.sql"), """
        CREATE MATERIALIZED VIEW typed (id BIGINT, label STRING, ghost NUMBERZ)
        AS SELECT 1 AS id, 'a' AS label;
        CREATE MATERIALIZED VIEW narrow (id BIGINT)
        AS SELECT 1 AS id, 'extra' AS label;
        """);
    List<Problem> errors = validate(dir);
    assertThat(errors).extracting(Problem::code).containsExactlyInAnyOrder(
        ErrorCode.COLUMN_TYPE_INVALID, ErrorCode.SCHEMA_MISMATCH);
  }
}
