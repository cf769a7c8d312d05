package io.sluice.bench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * W1-W4 on {@link TinyTpch} in one local session, checked by reading the Delta tables back. Opt-in
 * (a Spark session takes most of a minute on a busy machine): {@code mvn -o verify -pl benchmarks-spark
 * -Dbench.spark.it=true}. Leaves its data under target/bench-spark-it for trying SparkMain by hand.
 */
class SparkWorkloadsITCase {
  private static final Path ROOT = Path.of("target", "bench-spark-it").toAbsolutePath();
  private static final Path DATA = ROOT.resolve("data");
  private static final Path OUT = ROOT.resolve("out");
  private static SparkSession spark;

  @BeforeAll
  static void start() throws IOException {
    delete(ROOT);
    spark = LocalSession.start("it");
    TinyTpch.write(spark, DATA);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void ingestsCleansAndCountsExpectationFailures() throws Exception {
    String bronze = OUT.resolve("bronze").toString();
    WorkloadResult w1 = new Ingest(DATA.resolve("json/lineitem").toString(), bronze).run(spark);
    assertThat(w1.records()).isEqualTo(TinyTpch.LINEITEMS);
    assertThat(count(bronze)).isEqualTo(TinyTpch.LINEITEMS);

    WorkloadResult w2 = new Clean(bronze, OUT.resolve("w2-5").toString(), true).run(spark);
    assertThat(w2.records()).isEqualTo(TinyTpch.LINEITEMS);
    assertThat(w2.expectations()).containsExactly(
        entry("small_quantity", 2), entry("not_air", 3), entry("low_discount", 1), entry("low_tax", 2),
        entry("in_time", 1));
    assertThat(comments(OUT.resolve("w2-5/silver_lineitem").toString()))
        .containsExactly("row 10", "row 5", "row 6", "row 7", "row 8", "row 9");
    assertThat(comments(OUT.resolve("w2-5/silver_lineitem_quarantine").toString()))
        .containsExactly("row 3", "row 4");

    WorkloadResult copy = new Clean(bronze, OUT.resolve("w2-0").toString(), false).run(spark);
    assertThat(copy.records()).isEqualTo(TinyTpch.LINEITEMS);
    assertThat(copy.expectations()).isEmpty();
    assertThat(count(OUT.resolve("w2-0/silver_lineitem").toString())).isEqualTo(TinyTpch.LINEITEMS);
  }

  @Test
  void aggregatesTheJoinAndReplacesTheTable() throws Exception {
    String out = OUT.resolve("w3").toString();
    for (int run = 0; run < 2; run++) {
      WorkloadResult w3 = new Enrich(DATA.resolve("parquet").toString(), out).run(spark);
      assertThat(w3.records()).isEqualTo(TinyTpch.LINEITEMS + TinyTpch.ORDERS + TinyTpch.CUSTOMERS);
    }
    List<String> rows = spark.read().format("delta").load(out).orderBy("segment", "order_year").collectAsList()
        .stream().map(r -> r.getString(0) + "|" + r.get(1) + "|"
            + r.getDecimal(2).stripTrailingZeros().toPlainString() + "|" + r.getLong(3))
        .collect(Collectors.toList());
    // revenue: extendedprice 1000 * i + 0.25, times 0.95 or (row 5) 0.90
    assertThat(rows).containsExactly(
        "BUILDING|1995|" + revenue(1, 2) + "|2", "BUILDING|1996|" + revenue(5, 6, 7, 8) + "|4",
        "MACHINERY|1995|" + revenue(3, 4) + "|2", "MACHINERY|1996|" + revenue(9, 10) + "|2");
  }

  @Test
  void readsOnlyNewFilesOnTheSecondIncrementalRun() throws Exception {
    Path dir = OUT.resolve("w4-input");
    copy(DATA.resolve("json/lineitem"), dir);
    String table = OUT.resolve("w4").toString();
    String state = OUT.resolve("w4-state").toString();

    assertThat(new Incremental(dir.toString(), table, state).run(spark).records()).isEqualTo(TinyTpch.LINEITEMS);
    copy(DATA.resolve("json/lineitem_increment"), dir);
    assertThat(new Incremental(dir.toString(), table, state).run(spark).records()).isEqualTo(TinyTpch.INCREMENT);
    assertThat(count(table)).isEqualTo(TinyTpch.LINEITEMS + TinyTpch.INCREMENT);
    assertThat(new Incremental(dir.toString(), table, state).run(spark).records()).isZero();
  }

  private static String revenue(int... rows) {
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (int i : rows) {
      java.math.BigDecimal price = new java.math.BigDecimal(1000 * i + ".25");
      sum = sum.add(price.multiply(new java.math.BigDecimal(i == 5 ? "0.90" : "0.95")));
    }
    return sum.stripTrailingZeros().toPlainString();
  }

  private static java.util.Map.Entry<String, Long> entry(String name, long failures) {
    return java.util.Map.entry(name, failures);
  }

  private static long count(String table) {
    return spark.read().format("delta").load(table).count();
  }

  private static List<String> comments(String table) {
    return spark.read().format("delta").load(table).select("l_comment").orderBy("l_comment").collectAsList()
        .stream().map((Row r) -> r.getString(0)).collect(Collectors.toList());
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
