package io.sluice.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Dataset;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.problem.Problems;
import io.sluice.core.sql.SqlDefinitionParser;
import io.sluice.core.text.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

  private static PipelineGraph build(Problems problems, String... files) {
    DefinitionSet all = DefinitionSet.EMPTY;
    for (int i = 0; i < files.length; i++) {
      all = all.plus(SqlDefinitionParser.parse(new SourceFile("f" + i + ".sql", files[i]), Map.of(), problems));
    }
    return GraphBuilder.build(all, problems);
  }

  @Test
  void ordersDatasetsUpstreamFirstWhateverTheFileOrder() {
    Problems problems = new Problems();
    PipelineGraph graph = build(problems,
        "CREATE MATERIALIZED VIEW gold AS SELECT k, COUNT(*) AS n FROM silver GROUP BY k;",
        "CREATE STREAMING TABLE silver AS SELECT * FROM STREAM(bronze);",
        "CREATE STREAMING TABLE bronze AS SELECT * FROM STREAM read_files('in', format => 'json');");
    assertThat(problems.list()).isEmpty();
    assertThat(graph.datasetsInOrder()).extracting(Dataset::name).containsExactly("bronze", "silver", "gold");
    assertThat(graph.upstreamOf("gold")).containsExactlyInAnyOrder("silver", "bronze");
    assertThat(graph.downstreamOf("bronze")).containsExactlyInAnyOrder("silver", "gold");
  }

  @Test
  void reportsCycleWithItsPath() {
    Problems problems = new Problems();
    PipelineGraph graph = build(problems,
        "CREATE MATERIALIZED VIEW a AS SELECT * FROM c;\n"
            + "CREATE MATERIALIZED VIEW b AS SELECT * FROM a;\n"
            + "CREATE MATERIALIZED VIEW c AS SELECT * FROM b;\n"
            + "CREATE MATERIALIZED VIEW d AS SELECT * FROM c;\n");
    List<Problem> cycles = problems.list().stream().filter(p -> p.code() == ErrorCode.CYCLE).toList();
    assertThat(cycles).hasSize(1);
    assertThat(cycles.get(0).params().get("cycle")).isIn("a -> b -> c -> a", "b -> c -> a -> b", "c -> a -> b -> c");
    assertThat(cycles.get(0).location().file()).isEqualTo("f0.sql");
    assertThat(graph.cyclic()).containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(graph.isRunnable("d")).isFalse();
  }

  @Test
  void unknownReferenceSuggestsTheClosestName() {
    Problems problems = new Problems();
    build(problems,
        "CREATE STREAMING TABLE raw_orders AS SELECT * FROM STREAM read_files('o', format => 'csv');\n"
            + "CREATE STREAMING TABLE clean AS\n  SELECT * FROM STREAM(raw_ordrs);\n");
    assertThat(problems.list()).hasSize(1);
    Problem p = problems.list().get(0);
    assertThat(p.code()).isEqualTo(ErrorCode.UNKNOWN_REFERENCE);
    assertThat(p.location().line()).isEqualTo(3);
    assertThat(p.location().column()).isEqualTo(24);
    assertThat(p.action()).isEqualTo("Did you mean 'raw_orders'?");
  }

  @Test
  void duplicatesAndFlowTargetsAreChecked() {
    Problems problems = new Problems();
    build(problems,
        "CREATE STREAMING TABLE t AS SELECT * FROM STREAM read_files('a', format => 'json');",
        "CREATE MATERIALIZED VIEW t AS SELECT 1 AS x;\n"
            + "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;\n"
            + "CREATE FLOW f1 AS INSERT INTO nowhere BY NAME SELECT * FROM STREAM(t);\n"
            + "CREATE FLOW f2 AS INSERT INTO mv BY NAME SELECT * FROM STREAM(t);\n");
    assertThat(problems.list()).extracting(Problem::code).containsExactlyInAnyOrder(
        ErrorCode.DUPLICATE_DATASET, ErrorCode.DUPLICATE_FLOW, ErrorCode.FLOW_TARGET_UNDECLARED,
        ErrorCode.FLOW_TARGET_NOT_WRITABLE);
  }

  @Test
  void streamOfMaterializedViewIsExplained() {
    Problems problems = new Problems();
    build(problems,
        "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;\n"
            + "CREATE STREAMING TABLE st AS SELECT * FROM STREAM(mv);\n");
    assertThat(problems.list()).extracting(Problem::code).containsExactly(ErrorCode.STREAM_OF_MATERIALIZED_VIEW);
    assertThat(problems.list().get(0).action()).contains("without STREAM()");
  }

  @Test
  void temporaryViewsAreNodesOfTheGraph() {
    Problems problems = new Problems();
    PipelineGraph graph = build(problems,
        "CREATE TEMPORARY VIEW v AS SELECT * FROM STREAM(bronze) WHERE x > 0;\n"
            + "CREATE STREAMING TABLE bronze AS SELECT * FROM STREAM read_files('a', format => 'json');\n"
            + "CREATE STREAMING TABLE silver AS SELECT * FROM STREAM(v);\n");
    assertThat(problems.list()).isEmpty();
    assertThat(graph.upstreamOf("silver")).containsExactlyInAnyOrder("v", "bronze");
    assertThat(graph.viewsReadBy(java.util.Set.of("v"))).extracting(Dataset::name).containsExactly("v");
  }

  @Test
  void materializedViewNeedsAQueryAndEmptyStreamingTableIsAWarning() {
    Problems problems = new Problems();
    build(problems, "CREATE STREAMING TABLE landing;\n");
    assertThat(problems.list()).extracting(Problem::code).containsExactly(ErrorCode.NO_FLOWS);
    assertThat(problems.hasErrors()).isFalse();
  }
}
