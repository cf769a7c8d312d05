package io.sluice.bench.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connectors.delta.DeltaTable;
import io.sluice.testing.DeltaReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flink baseline's W1-W3 on a few hundred rows, checked by reading the tables with Kernel. */
class FlinkMainITCase {
  private static final TinyTpch DATA = new TinyTpch(20, 120, 42);

  @TempDir
  static Path dir;
  private static BenchCluster cluster;
  private static Path bronze;

  @BeforeAll
  static void startCluster() throws Exception {
    DATA.write(dir.resolve("data"));
    cluster = BenchCluster.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void ingestsEveryJsonRowWithItsValues() throws Exception {
    Path table = bronze();

    List<Map<String, Object>> rows = DeltaReader.of(table).rows();
    assertThat(rows).hasSize(DATA.lineitem.size());
    assertThat(keyed(rows)).isEqualTo(keyed(DATA.lineitem));
  }

  @Test
  void dropsQuarantinesAndCountsByExpectations() throws Exception {
    Path out = dir.resolve("w2-five");
    Result result = run("W2", bronze().toString(), out.toString(), "5");

    Predicate<Map<String, Object>> smallQuantity =
        r -> ((BigDecimal) r.get("l_quantity")).compareTo(BigDecimal.valueOf(45)) <= 0;
    Predicate<Map<String, Object>> notAir = r -> !r.get("l_shipmode").equals("AIR");
    assertThat(keys(DeltaReader.of(out.resolve("silver_lineitem")).rows()))
        .isEqualTo(keys(DATA.lineitem, smallQuantity.and(notAir)));
    assertThat(keys(DeltaReader.of(out.resolve("silver_lineitem_quarantine")).rows()))
        .isEqualTo(keys(DATA.lineitem, smallQuantity.and(notAir.negate())));
    assertThat(result.records()).isEqualTo(DATA.lineitem.size());
    assertThat(result.expectations()).containsExactly(
        Map.entry("small_quantity", failures(smallQuantity)),
        Map.entry("not_air", failures(notAir)),
        Map.entry("low_discount", failures(r -> atMost(r, "l_discount", "0.08"))),
        Map.entry("low_tax", failures(r -> atMost(r, "l_tax", "0.06"))),
        Map.entry("in_time", failures(r ->
            !((LocalDate) r.get("l_shipdate")).isAfter((LocalDate) r.get("l_receiptdate")))));
    assertThat(result.expectations().values()).allMatch(n -> n > 0);
  }

  @Test
  void copiesBronzeWithoutExpectations() throws Exception {
    Path out = dir.resolve("w2-zero");
    Result result = run("W2", bronze().toString(), out.toString(), "0");

    assertThat(keyed(DeltaReader.of(out.resolve("silver_lineitem")).rows()))
        .isEqualTo(keyed(DATA.lineitem));
    assertThat(result.records()).isEqualTo(DATA.lineitem.size());
    assertThat(result.expectations()).isEmpty();
  }

  @Test
  void replacesTheAggregateOfRevenuePerSegmentAndYear() throws Exception {
    Path table = dir.resolve("w3");
    DeltaTable stale = DeltaTable.forPath(table.toUri().toString());
    RowType staleType = RowType.of(new LogicalType[] {new VarCharType(VarCharType.MAX_LENGTH)},
        new String[] {"segment"});
    stale.create(staleType, List.of(), Map.of());
    stale.append(staleType, List.of(GenericRowData.of(StringData.fromString("stale"))));

    Result result = run("W3", dir.resolve("data/parquet").toString(), table.toString());

    Map<List<Object>, List<Object>> written = new HashMap<>();
    for (Map<String, Object> row : DeltaReader.of(table).rows()) {
      written.put(List.of(row.get("segment"), ((Number) row.get("order_year")).longValue()),
          List.of(((BigDecimal) row.get("revenue")).stripTrailingZeros(), row.get("line_count")));
    }
    assertThat(written).isEqualTo(expectedAggregate());
    assertThat(result.records())
        .isEqualTo(DATA.lineitem.size() + DATA.orders.size() + DATA.customer.size());
  }

  private static Map<List<Object>, List<Object>> expectedAggregate() {
    Map<Object, Map<String, Object>> orders = DATA.orders.stream()
        .collect(Collectors.toMap(o -> o.get("o_orderkey"), o -> o));
    Map<Object, Object> segments = DATA.customer.stream()
        .collect(Collectors.toMap(c -> c.get("c_custkey"), c -> c.get("c_mktsegment")));
    Map<List<Object>, BigDecimal> revenue = new HashMap<>();
    Map<List<Object>, Long> count = new HashMap<>();
    for (Map<String, Object> line : DATA.lineitem) {
      Map<String, Object> order = orders.get(line.get("l_orderkey"));
      List<Object> key = List.of(segments.get(order.get("o_custkey")),
          (long) ((LocalDate) order.get("o_orderdate")).getYear());
      BigDecimal lineRevenue = ((BigDecimal) line.get("l_extendedprice"))
          .multiply(BigDecimal.ONE.subtract((BigDecimal) line.get("l_discount")));
      revenue.merge(key, lineRevenue, BigDecimal::add);
      count.merge(key, 1L, Long::sum);
    }
    Map<List<Object>, List<Object>> expected = new HashMap<>();
    revenue.forEach((key, sum) -> expected.put(key, List.of(sum.stripTrailingZeros(),
        count.get(key))));
    return expected;
  }

  private static synchronized Path bronze() throws Exception {
    if (bronze == null) {
      Path table = dir.resolve("bronze");
      Result result = run("W1", dir.resolve("data/json/lineitem").toString(), table.toString());
      assertThat(result.records()).isEqualTo(DATA.lineitem.size());
      bronze = table;
    }
    return bronze;
  }

  private static Result run(String... args) throws Exception {
    Result result = FlinkMain.run(cluster, args);
    assertThat(result.line()).startsWith("RESULT {\"engine\":\"flink\",\"workload\":\"" + args[0]);
    assertThat(result.seconds()).isPositive();
    return result;
  }

  private static long failures(Predicate<Map<String, Object>> expectation) {
    return DATA.lineitem.stream().filter(expectation.negate()).count();
  }

  private static boolean atMost(Map<String, Object> row, String column, String max) {
    return ((BigDecimal) row.get(column)).compareTo(new BigDecimal(max)) <= 0;
  }

  private static Set<List<Object>> keys(List<Map<String, Object>> rows) {
    return keys(rows, r -> true);
  }

  private static Set<List<Object>> keys(List<Map<String, Object>> rows,
      Predicate<Map<String, Object>> filter) {
    return rows.stream().filter(filter)
        .map(r -> List.of(r.get("l_orderkey"), r.get("l_linenumber")))
        .collect(Collectors.toSet());
  }

  /** Rows by (l_orderkey, l_linenumber), decimals without trailing zeros. */
  private static Map<List<Object>, Map<String, Object>> keyed(List<Map<String, Object>> rows) {
    return rows.stream().collect(Collectors.toMap(
        r -> List.of(r.get("l_orderkey"), r.get("l_linenumber")),
        r -> {
          Map<String, Object> row = new HashMap<>(r);
          row.replaceAll((k, v) -> v instanceof BigDecimal d ? d.stripTrailingZeros() : v);
          return row;
        }));
  }
}
