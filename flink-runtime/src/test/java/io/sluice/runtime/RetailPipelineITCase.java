package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.exec.FlowStatus;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retail example of the README, run for real (embedded Flink, Delta tables on disk) and read
 * back with Delta Kernel's own reader; expected contents are computed from the input files.
 */
class RetailPipelineITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(6);

  @TempDir Path dir;

  private PipelineFixture retail() {
    return CLUSTER.example("retail", dir.resolve("retail"));
  }

  @Test
  void firstRunWritesWhatTheInputsImply() {
    PipelineFixture p = retail();
    UpdateResult result = p.run();
    assertThat(result.succeeded()).as(result.toString()).isTrue();
    assertThat(PipelineFixture.statuses(result).values()).containsOnly(FlowStatus.COMPLETED);
    assertTablesMatch(p, new RetailExpectations(p.folder));

    List<Map<String, Object>> rawCustomers = p.table("raw_customers").rows();
    List<String> rescued = rawCustomers.stream().map(r -> (String) r.get("_rescued_data"))
        .filter(java.util.Objects::nonNull).toList();
    assertThat(rescued).hasSize(1);
    assertThat(rescued.get(0)).contains("_malformed_record").contains("_file_path").contains("Broken");
    List<Map<String, Object>> badAmount = p.table("raw_orders").rows().stream()
        .filter(r -> Long.valueOf(1032).equals(r.get("order_id"))).toList();
    assertThat(badAmount).hasSize(1);
    assertThat(badAmount.get(0).get("order_amount")).isNull();
    assertThat((String) badAmount.get(0).get("_rescued_data")).contains("\"order_amount\":\"abc\"");
  }

  @Test
  void rerunWithoutNewInputWritesNothing() {
    PipelineFixture p = retail();
    assertThat(p.run().succeeded()).isTrue();
    Map<String, Long> versions = versions(p);
    UpdateResult second = p.run();
    assertThat(second.succeeded()).isTrue();
    assertThat(versions(p)).isEqualTo(versions);
    assertThat(PipelineFixture.rowsWritten(second).values()).containsOnly(0L);
    assertThat(PipelineFixture.statuses(second)).containsEntry("cleaned_customers", FlowStatus.UP_TO_DATE)
        .containsEntry("enriched_customers", FlowStatus.UP_TO_DATE)
        .containsEntry("customer_segments", FlowStatus.UP_TO_DATE);
  }

  @Test
  void oneNewFileAddsExactlyItsRows() {
    PipelineFixture p = retail();
    assertThat(p.run().succeeded()).isTrue();
    long customersVersion = p.table("raw_customers").version();
    p.copyIn("extra/orders-2026-03.csv", "data/orders/orders-2026-03.csv");
    UpdateResult second = p.run();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(PipelineFixture.rowsWritten(second)).containsEntry("raw_orders", 12L).containsEntry("cleaned_orders", 12L)
        .containsEntry("raw_customers", 0L);
    Map<String, Long> read = second.flows().stream().collect(Collectors.toMap(
        io.sluice.runtime.exec.FlowResult::flow, io.sluice.runtime.exec.FlowResult::rowsRead));
    assertThat(read).containsEntry("raw_orders", 12L).containsEntry("cleaned_orders", 12L)
        .containsEntry("raw_customers", 0L);
    assertThat(p.table("raw_customers").version()).isEqualTo(customersVersion);
    assertTablesMatch(p, new RetailExpectations(p.folder));
  }

  @Test
  void fullRefreshRebuildsOnlyTheSelectedTables() {
    PipelineFixture p = retail();
    assertThat(p.run().succeeded()).isTrue();
    long rawVersion = p.table("raw_orders").version();
    long cleanedVersion = p.table("cleaned_orders").version();
    UpdateResult refresh = p.run(new RunOptions(Set.of(), Set.of("cleaned_orders"), false));
    assertThat(refresh.succeeded()).as(refresh.toString()).isTrue();
    assertThat(PipelineFixture.statuses(refresh)).containsEntry("cleaned_orders", FlowStatus.COMPLETED)
        .containsEntry("raw_orders", FlowStatus.EXCLUDED).containsEntry("customer_segments", FlowStatus.EXCLUDED);
    assertThat(PipelineFixture.rowsWritten(refresh)).containsEntry("cleaned_orders", 55L);
    assertThat(p.table("raw_orders").version()).isEqualTo(rawVersion);
    assertThat(p.table("cleaned_orders").version()).isEqualTo(cleanedVersion + 2); // replace, then append
    assertTablesMatch(p, new RetailExpectations(p.folder));
  }

  @Test
  void changingAStreamingTablesSchemaAsksForAFullRefresh() {
    PipelineFixture p = retail();
    assertThat(p.run().succeeded()).isTrue();
    p.write("transformations/02_silver.sql", read(p, "transformations/02_silver.sql")
        .replace("SELECT order_id, customer_id, order_date, order_amount, status",
            "SELECT order_id, customer_id, order_date, order_amount, status, order_amount * 2 AS doubled"));
    UpdateResult refused = p.run();
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.problems()).extracting(Problem::code).contains(ErrorCode.SCHEMA_MISMATCH);
    assertThat(refused.problems().stream().filter(Problem::isError).findFirst().orElseThrow().action())
        .contains("--full-refresh cleaned_orders");
    UpdateResult rebuilt = p.run(new RunOptions(Set.of(), Set.of("cleaned_orders"), false));
    assertThat(rebuilt.succeeded()).as(rebuilt.toString()).isTrue();
    assertThat(p.table("cleaned_orders").columns()).contains("doubled");
    assertThat(p.table("cleaned_orders").rows()).hasSize(55);
  }

  private static void assertTablesMatch(PipelineFixture p, RetailExpectations e) {
    assertThat(p.table("raw_customers").rows()).hasSize((int) e.rawCustomers);
    assertThat(p.table("raw_orders").rows()).hasSize(e.rawOrders.size());
    assertThat(p.table("cleaned_orders").rows().stream()
        .map(r -> r.get("order_id") + "|" + r.get("customer_id") + "|" + r.get("order_date") + "|" + r.get("order_amount"))
        .sorted().toList())
        .isEqualTo(e.cleanedOrders.stream().map(o -> o.id() + "|" + o.customer() + "|" + o.date() + "|" + o.amount())
            .sorted().toList());
    Map<Long, String> customers = new TreeMap<>();
    p.table("cleaned_customers").rows().forEach(r -> customers.put((Long) r.get("customer_id"), (String) r.get("email")));
    Map<Long, String> expectedCustomers = new TreeMap<>();
    e.cleanedCustomers.values().forEach(c -> expectedCustomers.put(c.id(), c.email()));
    assertThat(customers).isEqualTo(expectedCustomers);
    Map<Long, String> enriched = p.table("enriched_customers").rows().stream().collect(Collectors.toMap(
        r -> (Long) r.get("customer_id"),
        r -> r.get("total_orders") + "|" + ((BigDecimal) r.get("lifetime_value")).setScale(2) + "|" + r.get("last_order_date"),
        (a, b) -> a, TreeMap::new));
    assertThat(enriched).isEqualTo(e.enriched.values().stream().collect(Collectors.toMap(
        RetailExpectations.Enriched::id, x -> x.orders() + "|" + x.ltv() + "|" + x.lastOrder(), (a, b) -> a, TreeMap::new)));
    Map<Long, Object> segments = p.table("customer_segments").rows().stream()
        .collect(Collectors.toMap(r -> (Long) r.get("customer_id"), r -> r.get("segment"), (a, b) -> a, TreeMap::new));
    assertThat(segments).isEqualTo(e.enriched.values().stream().collect(Collectors.toMap(
        RetailExpectations.Enriched::id, RetailExpectations.Enriched::segment, (a, b) -> a, TreeMap::new)));
  }

  private static Map<String, Long> versions(PipelineFixture p) {
    Map<String, Long> v = new TreeMap<>();
    for (String t : List.of("raw_customers", "raw_orders", "cleaned_orders", "cleaned_customers",
        "enriched_customers", "customer_segments")) {
      v.put(t, p.table(t).version());
    }
    return v;
  }

  private static String read(PipelineFixture p, String file) {
    try {
      return java.nio.file.Files.readString(p.folder.resolve(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static LocalDate date(Object o) {
    return (LocalDate) o;
  }
}
