package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.Expectation;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.problem.Problems;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Databricks notebook export in {@code sql/notebook_export.sql}, read unchanged. */
class NotebookExportTest {

  private static Parsed parsed() throws IOException {
    Problems problems = new Problems();
    return new Parsed(null, GoldenFilesTest.parse("notebook_export", problems), problems.list());
  }

  @Test
  void readsEveryCellWithoutProblems() throws IOException {
    Parsed parsed = parsed();

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.definitions().datasets())
        .extracting("name")
        .containsExactly("orders_bronze", "orders_silver", "daily_revenue", "big_orders");
    assertThat(parsed.definitions().flows())
        .extracting("name")
        .containsExactly("orders_bronze", "orders_silver", "daily_revenue");
  }

  @Test
  void readsSetStatementsEndedByCellSeparators() throws IOException {
    assertThat(parsed().definitions().settings())
        .isEqualTo(
            Map.of("pipelines.trigger.interval", "1 hour", "spark.sql.shuffle.partitions", "8"));
  }

  @Test
  void readsDoubleQuotedTablePropertiesAndComments() throws IOException {
    Parsed parsed = parsed();

    assertThat(parsed.dataset("orders_bronze").spec().comment())
        .contains("Raw orders, as delivered");
    assertThat(parsed.dataset("orders_bronze").spec().properties())
        .isEqualTo(
            Map.of(
                "quality",
                "bronze",
                "pipelines.reset.allowed",
                "false",
                "delta.logRetentionDuration",
                "interval 30 days"));
  }

  @Test
  void readsQuotedAndBacktickedConstraintNames() throws IOException {
    assertThat(parsed().dataset("orders_silver").spec().expectations())
        .extracting(Expectation::name, Expectation::action, e -> e.predicate().text())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "valid order id", ViolationAction.DROP, "order_id IS NOT NULL"),
            org.assertj.core.groups.Tuple.tuple(
                "positive amount", ViolationAction.FAIL, "amount > 0"),
            org.assertj.core.groups.Tuple.tuple(
                "known status", ViolationAction.WARN, "status IN ('NEW', 'SHIPPED', 'DELIVERED')"));
  }

  @Test
  void substitutesParametersInsideCloudFilesPaths() throws IOException {
    assertThat(parsed().flow("orders_bronze").query().references())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.name()).isEqualTo("/mnt/landing/orders");
              assertThat(r.streaming()).isTrue();
              assertThat(r.options()).containsEntry("cloudfiles.infercolumntypes", "true");
            });
  }

  @Test
  void readsLegacyLiveReferences() throws IOException {
    Parsed parsed = parsed();

    assertThat(parsed.flow("orders_silver").query().references())
        .extracting("name", "streaming")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("orders_bronze", true));
    assertThat(parsed.flow("daily_revenue").query().references())
        .extracting("name", "streaming")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("orders_silver", false));
    assertThat(parsed.viewQuery("big_orders").sql().text())
        .isEqualTo("SELECT * FROM `orders_silver` WHERE amount > 1000");
  }
}
