package io.sluice.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.problem.DefinitionException;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineBuilderTest {

  @Test
  void buildsTheSameGraphAsSql() {
    LoadedPipeline p = PipelineBuilder.create("shop", Path.of("/tmp/shop"))
        .configuration(Map.of("root", "/data"))
        .materializedView("totals", v -> v.query("SELECT COUNT(*) AS n FROM orders"))
        .streamingTable("orders", t -> t
            .query("SELECT * FROM STREAM read_files('${root}/orders', format => 'json')")
            .expect("valid_id", "id IS NOT NULL", ViolationAction.DROP)
            .partitionedBy("day"))
        .flow("backfill", f -> f.into("orders").once().query("SELECT * FROM delta.`/old/orders`"))
        .build();
    assertThat(p.problems()).isEmpty();
    assertThat(p.spec().storage()).isEqualTo(Path.of("/tmp/shop/storage"));
    assertThat(p.graph().datasetsInOrder()).extracting(Dataset::name).containsExactly("orders", "totals");
    assertThat(p.graph().requireDataset("orders").spec().expectations()).hasSize(1);
    QueryFlow orders = (QueryFlow) p.graph().flows().get("orders");
    assertThat(orders.query().references().get(0).name()).isEqualTo("/data/orders");
    assertThat(((QueryFlow) p.graph().flows().get("backfill")).once()).isTrue();
  }

  @Test
  void throwsOnceWithEveryProblem() {
    assertThatThrownBy(() -> PipelineBuilder.create("bad", Path.of("/tmp/bad"))
            .materializedView("a", v -> v.query("SELECT * FROM b"))
            .materializedView("b", v -> v.query("SELECT * FROM a"))
            .streamingTable("c", t -> t.query("SELECT * FROM STREAM(nowhere)"))
            .flow("f", f -> f.query("SELECT 1"))
            .build())
        .isInstanceOf(DefinitionException.class)
        .satisfies(e -> assertThat(((DefinitionException) e).errors()).extracting(Problem::code)
            .containsExactlyInAnyOrder(ErrorCode.CYCLE, ErrorCode.UNKNOWN_REFERENCE, ErrorCode.MISSING_QUERY));
  }

  @Test
  void autoCdcFlowsTakeTheClausesOfTheSqlStatement() {
    LoadedPipeline p = PipelineBuilder.create("cdc", Path.of("/tmp/cdc"))
        .streamingTable("users_raw", t -> t.query("SELECT * FROM STREAM read_files('/data/cdc', format => 'json')"))
        .streamingTable("users", t -> { })
        .flow("apply_users", f -> f.into("users").autoCdc(
            "FROM STREAM(users_raw) KEYS (id) APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq STORED AS SCD TYPE 2"))
        .build();
    QueryFlow apply = (QueryFlow) p.graph().flows().get("apply_users");
    assertThat(apply.target()).isEqualTo("users");
    assertThat(apply.changes().orElseThrow().scdType()).isEqualTo(2);
    assertThat(apply.changes().orElseThrow().deleteWhen()).isTrue();
    assertThat(apply.query().references()).extracting(r -> r.name()).containsExactly("users_raw");

    assertThatThrownBy(() -> PipelineBuilder.create("bad", Path.of("/tmp/bad"))
            .streamingTable("users", t -> { })
            .flow("f", f -> f.into("users").autoCdc("FROM STREAM(users) KEYS (id)"))
            .build())
        .isInstanceOf(DefinitionException.class)
        .satisfies(e -> assertThat(((DefinitionException) e).errors()).extracting(Problem::code)
            .contains(ErrorCode.SQL_SYNTAX));
  }
}
