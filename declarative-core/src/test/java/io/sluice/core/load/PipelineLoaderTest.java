package io.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineLoaderTest {
  private static Path fixture(String name) {
    return Path.of("src/test/resources/pipelines", name);
  }

  @Test
  void reportsEveryGraphProblemOfEveryFileAtOnce() {
    // The query body of 'd' is Flink SQL: its syntax error is found by Flink's planner, later.
    LoadedPipeline p = PipelineLoader.load(fixture("broken"), Map.of());
    assertThat(p.problems()).extracting(Problem::code)
        .containsExactlyInAnyOrder(ErrorCode.CYCLE, ErrorCode.UNKNOWN_REFERENCE);
    assertThat(p.problems()).extracting(x -> x.location().toString())
        .containsExactlyInAnyOrder("sql/a.sql:2:26", "sql/c.sql:4:22");
    assertThat(p.problems().stream().filter(x -> x.code() == ErrorCode.UNKNOWN_REFERENCE).findFirst().orElseThrow()
        .action()).isEqualTo("Did you mean 'orders'?");
    assertThat(p.graph().isRunnable("orders")).isTrue();
  }

  @Test
  void mixesSqlAndYamlAndAppliesConfigurationOverrides() {
    LoadedPipeline p = PipelineLoader.load(fixture("mixed"), Map.of("min_amount", "99"));
    assertThat(p.problems()).isEmpty();
    assertThat(p.graph().datasetsInOrder()).extracting(Dataset::name).containsExactly("orders", "big_orders");
    QueryFlow gold = (QueryFlow) p.graph().flows().get("big_orders");
    assertThat(gold.query().sql().text()).endsWith("amount >= 99");
  }

  @Test
  void missingSpecIsAProblemNotAnException() {
    LoadedPipeline p = PipelineLoader.load(Path.of("src/test/resources/pipelines/nowhere"), Map.of());
    assertThat(p.problems()).extracting(Problem::code).containsExactly(ErrorCode.SPEC_NOT_FOUND);
  }

  @Test
  void loadsTheRetailExample() {
    LoadedPipeline p = PipelineLoader.load(Path.of("../examples/retail"), Map.of());
    assertThat(p.problems()).isEmpty();
    assertThat(p.graph().datasetsInOrder()).extracting(Dataset::name).containsExactly(
        "raw_customers", "raw_orders", "cleaned_orders", "cleaned_customers", "enriched_customers",
        "customer_segments");
  }
}
