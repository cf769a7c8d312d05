package io.sluice.interop;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import io.sluice.interop.RetailInputs.CleanedCustomer;
import io.sluice.interop.RetailInputs.Customer;
import io.sluice.interop.RetailInputs.Enriched;
import io.sluice.interop.RetailInputs.OrderRow;
import io.sluice.interop.RetailInputs.Segmented;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code sluice run} on a copy of examples/retail three times (initial data, one new
 * orders file, nothing new) and checks every table it wrote with Apache Spark + delta-spark, the
 * reference Delta implementation, against what the example's SQL must produce from its input files
 * (computed in {@link RetailInputs}, independently of Sluice).
 *
 * <p>The three steps share the pipeline folder and run in order; a step whose predecessor failed is
 * skipped rather than reported as a second failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetailSparkITCase {
  private static final List<String> APPEND_TABLES = List.of("raw_customers", "raw_orders", "cleaned_orders");
  private static final List<String> MATERIALIZED_VIEWS =
      List.of("cleaned_customers", "enriched_customers", "customer_segments");
  private static final List<String> TABLES =
      Stream.concat(APPEND_TABLES.stream(), MATERIALIZED_VIEWS.stream()).toList();

  /** What Delta's history says for a commit of each kind, as the writer records it. */
  private static final String CREATE = "CREATE TABLE";
  private static final String APPEND = "STREAMING UPDATE";
  private static final String REPLACE = "REPLACE TABLE";

  private static final Set<String> SEGMENTS = Set.of("VIP", "Premium", "Regular", "New");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static Path example;
  private static Path pipeline;
  private static SluiceCli cli;
  private static SparkSession spark;

  private static int stepsDone;
  private static Map<String, Long> versionsAfterFirstRun;
  private static Map<String, Long> countsAfterFirstRun;
  private static RetailInputs firstRunInputs;

  @BeforeAll
  static void setUp() throws IOException {
    Path repoRoot = Path.of(System.getProperty("sluice.repo.root", "..")).toAbsolutePath().normalize();
    example = repoRoot.resolve("examples/retail");
    pipeline = tmp.resolve("retail");
    // only what is checked in: not a storage/ folder a local ./sluice run may have left there
    copyTree(example.resolve("pipeline.yaml"), pipeline.resolve("pipeline.yaml"));
    copyTree(example.resolve("transformations"), pipeline.resolve("transformations"));
    copyTree(example.resolve("data"), pipeline.resolve("data"));

    cli = new SluiceCli(repoRoot, System.getProperty("sluice.version", "0.1.0-SNAPSHOT"), tmp, Duration.ofMinutes(4));

    spark = LocalSpark.start("sluice-interop", tmp);
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
    DeltaLog.clearCache();
  }

  @Test
  @Order(1)
  void firstRunWritesTablesThatSparkReadsAsTheSqlSays() throws Exception {
    cli.run("run", pipeline.toString());
    DeltaLog.clearCache();

    RetailInputs inputs = RetailInputs.read(pipeline.resolve("data"));
    // the example's shape, so a change to its files shows up here first
    assertThat(inputs.customers).filteredOn(Customer::malformed).hasSize(1);
    assertThat(inputs.orders).hasSize(59);

    assertTables(inputs);
    Map<String, Long> versions = latestVersions();
    for (String table : TABLES) {
      List<Row> history = assertHistory(table);
      assertThat(versions.get(table)).as("%s: commits after the first run", table).isGreaterThanOrEqualTo(1);
      assertThat(history).as("%s: history of the first run", table).hasSize((int) (versions.get(table) + 1));
    }
    // a Spark Structured Streaming reader of the streaming table sees every row once
    assertThat(streamNewRows("cleaned_orders")).as("cleaned_orders rows streamed by Spark after the first run")
        .containsExactlyElementsOf(inputs.cleanedOrders());

    assertEventLogQuery();

    versionsAfterFirstRun = versions;
    countsAfterFirstRun = counts();
    firstRunInputs = inputs;
    stepsDone = 1;
  }

  @Test
  @Order(2)
  void secondRunAppendsExactlyTheNewOrdersFile() throws Exception {
    assumeThat(stepsDone).as("the first run passed").isEqualTo(1);
    Path newFile = example.resolve("extra/orders-2026-03.csv");
    List<OrderRow> newOrders = RetailInputs.readOrders(newFile);
    List<OrderRow> newCleanedOrders = RetailInputs.cleaned(newOrders);
    assertThat(newOrders).hasSize(12);
    assertThat(newCleanedOrders).as("valid orders in the new file").hasSize(12);

    Files.copy(newFile, pipeline.resolve("data/orders").resolve(newFile.getFileName()));
    cli.run("run", pipeline.toString());
    DeltaLog.clearCache();

    RetailInputs inputs = RetailInputs.read(pipeline.resolve("data"));
    Map<String, Long> counts = counts();
    assertThat(counts.get("raw_orders")).as("raw_orders grew by the new file's rows")
        .isEqualTo(countsAfterFirstRun.get("raw_orders") + newOrders.size());
    assertThat(counts.get("cleaned_orders")).as("cleaned_orders grew by the new file's valid rows")
        .isEqualTo(countsAfterFirstRun.get("cleaned_orders") + newCleanedOrders.size());
    assertThat(counts.get("raw_customers")).isEqualTo(countsAfterFirstRun.get("raw_customers"));
    assertTables(inputs);

    Map<String, Long> versions = latestVersions();
    for (String table : TABLES) {
      assertHistory(table);
    }
    for (String table : List.of("raw_orders", "cleaned_orders", "enriched_customers", "customer_segments")) {
      assertThat(versions.get(table)).as("%s: a new commit for the new orders", table)
          .isGreaterThan(versionsAfterFirstRun.get(table));
    }

    // the same Spark stream, resumed from its checkpoint, gets exactly the new file's rows
    assertThat(streamNewRows("cleaned_orders")).as("cleaned_orders rows streamed by Spark after the second run")
        .containsExactlyElementsOf(newCleanedOrders);

    // time travel: the first run's versions still read as they were
    assertThat(readVersion("cleaned_orders", versionsAfterFirstRun.get("cleaned_orders")).stream()
        .map(RetailSparkITCase::order).sorted(Comparator.comparing(OrderRow::orderId)).toList())
        .as("cleaned_orders as of version %d", versionsAfterFirstRun.get("cleaned_orders"))
        .containsExactlyElementsOf(firstRunInputs.cleanedOrders());
    assertThat(readVersion("customer_segments", versionsAfterFirstRun.get("customer_segments")).stream()
        .map(RetailSparkITCase::segmented).sorted(Comparator.comparingLong(Segmented::customerId)).toList())
        .as("customer_segments as of version %d", versionsAfterFirstRun.get("customer_segments"))
        .containsExactlyElementsOf(firstRunInputs.customerSegments());
    stepsDone = 2;
  }

  @Test
  @Order(3)
  void thirdRunWithNothingNewCommitsNothing() throws Exception {
    assumeThat(stepsDone).as("the second run passed").isEqualTo(2);
    Map<String, Long> before = latestVersions();
    cli.run("run", pipeline.toString());
    DeltaLog.clearCache();

    assertThat(latestVersions()).as("latest version of each table after a run with no new input")
        .isEqualTo(before);
    assertTables(RetailInputs.read(pipeline.resolve("data")));
    assertThat(streamNewRows("cleaned_orders")).as("cleaned_orders rows streamed by Spark after the third run")
        .isEmpty();
  }

  // ---- the tables ------------------------------------------------------------------------------

  private static void assertTables(RetailInputs inputs) {
    long started = System.nanoTime();
    assertRawCustomers(inputs);
    assertRawOrders(inputs);
    assertCleanedOrders(inputs);
    assertCleanedCustomers(inputs);
    assertEnrichedCustomers(inputs);
    assertCustomerSegments(inputs);
    int checksums = 0;
    for (String table : TABLES) {
      checksums += assertChecksumMatches(table) ? 1 : 0;
    }
    System.out.printf("Spark read and checked the six tables in %.1f s (%d .crc files validated)%n",
        (System.nanoTime() - started) / 1e9, checksums);
  }

  private static void assertRawCustomers(RetailInputs inputs) {
    Dataset<Row> df = read("raw_customers");
    assertThat(df.columns()).as("raw_customers columns")
        .contains("customer_id", "email", "first_name", "last_name", "country", "updated_at", "_rescued_data");
    assertThat(type(df, "customer_id")).isEqualTo("bigint");
    List<Row> rows = collect(df, "raw_customers", inputs.customers.size());

    assertThat(rows.stream().map(r -> (Long) r.getAs("customer_id")).sorted(nullsFirst()).toList())
        .as("raw_customers customer_id values")
        .isEqualTo(inputs.customers.stream().map(Customer::customerId).sorted(nullsFirst()).toList());

    // the malformed JSON line: every column NULL, the line itself in _rescued_data._malformed_record
    Customer malformed = inputs.customers.stream().filter(Customer::malformed).findFirst().orElseThrow();
    List<Row> rescued = rows.stream()
        .filter(r -> r.getAs("_rescued_data") != null && ((String) r.getAs("_rescued_data")).contains("_malformed_record"))
        .toList();
    assertThat(rescued).as("raw_customers rows with _malformed_record in _rescued_data").hasSize(1);
    Row row = rescued.get(0);
    for (String column : df.columns()) {
      if (!column.equals("_rescued_data")) {
        assertThat(row.<Object>getAs(column)).as("raw_customers.%s of the malformed line", column).isNull();
      }
    }
    JsonNode json = parseJson(row.getAs("_rescued_data"));
    assertThat(json.path("_malformed_record").asText()).as("_rescued_data._malformed_record")
        .isEqualTo(malformed.line());
  }

  private static void assertRawOrders(RetailInputs inputs) {
    Dataset<Row> df = read("raw_orders");
    assertThat(df.columns()).as("raw_orders columns")
        .startsWith("order_id", "customer_id", "order_date", "order_amount", "status");
    assertThat(types(df, "order_id", "customer_id", "order_date", "order_amount", "status"))
        .containsExactly("bigint", "bigint", "date", "decimal(10,2)", "string");
    List<Row> rows = collect(df, "raw_orders", inputs.orders.size());
    Comparator<OrderRow> byEverything = Comparator.comparing(OrderRow::toString);
    assertThat(rows.stream().map(RetailSparkITCase::order).sorted(byEverything).toList())
        .as("raw_orders rows (bronze schema; what does not parse is NULL)")
        .isEqualTo(inputs.orders.stream().sorted(byEverything).toList());
    // filters that Delta can answer from the file statistics (null counts)
    assertThat(df.filter(col("order_id").isNull()).count()).as("raw_orders with order_id NULL")
        .isEqualTo(inputs.orders.stream().filter(o -> o.orderId() == null).count());
    assertThat(df.filter(col("customer_id").isNull()).count()).as("raw_orders with customer_id NULL")
        .isEqualTo(inputs.orders.stream().filter(o -> o.customerId() == null).count());
  }

  private static void assertCleanedOrders(RetailInputs inputs) {
    Dataset<Row> df = read("cleaned_orders");
    assertThat(fields(df)).as("cleaned_orders schema").containsExactly(
        "order_id bigint", "customer_id bigint", "order_date date", "order_amount decimal(10,2)", "status string");
    List<OrderRow> expected = inputs.cleanedOrders();
    List<OrderRow> actual = collect(df, "cleaned_orders", expected.size()).stream()
        .map(RetailSparkITCase::order).sorted(Comparator.comparing(OrderRow::orderId)).toList();
    assertThat(actual).as("cleaned_orders rows").containsExactlyElementsOf(expected);
    // min/max statistics must not make Spark skip a file that holds matching rows
    LocalDate february = LocalDate.of(2026, 2, 1);
    BigDecimal threeHundred = new BigDecimal("300");
    assertThat(df.filter(col("order_date").geq(february).and(col("order_amount").gt(threeHundred))).count())
        .as("cleaned_orders since February above 300")
        .isEqualTo(expected.stream()
            .filter(o -> !o.orderDate().isBefore(february) && o.orderAmount().compareTo(threeHundred) > 0).count());
  }

  private static void assertCleanedCustomers(RetailInputs inputs) {
    Dataset<Row> df = read("cleaned_customers");
    assertThat(df.columns()).as("cleaned_customers columns")
        .containsExactly("customer_id", "email", "first_name", "last_name", "country", "updated_at");
    List<CleanedCustomer> expected = inputs.cleanedCustomers();
    List<CleanedCustomer> actual = collect(df, "cleaned_customers", expected.size()).stream()
        .map(r -> new CleanedCustomer(r.getAs("customer_id"), r.getAs("email"), r.getAs("first_name"),
            r.getAs("last_name"), r.getAs("country"), Objects.toString(r.getAs("updated_at"), null)))
        .sorted(Comparator.comparingLong(CleanedCustomer::customerId)).toList();
    assertThat(actual).as("cleaned_customers rows").containsExactlyElementsOf(expected);
  }

  private static void assertEnrichedCustomers(RetailInputs inputs) {
    Dataset<Row> df = read("enriched_customers");
    assertThat(df.columns()).as("enriched_customers columns").containsExactly("customer_id", "email", "first_name",
        "last_name", "total_orders", "lifetime_value", "last_order_date");
    assertMetricTypes(df, "enriched_customers");
    List<Enriched> expected = inputs.enrichedCustomers();
    List<Enriched> actual = collect(df, "enriched_customers", expected.size()).stream()
        .map(r -> new Enriched(r.getAs("customer_id"), r.getAs("email"), r.getAs("first_name"), r.getAs("last_name"),
            r.getAs("total_orders"), r.getAs("lifetime_value"), r.getAs("last_order_date")))
        .sorted(Comparator.comparingLong(Enriched::customerId)).toList();
    assertThat(actual).as("enriched_customers rows").containsExactlyElementsOf(expected);
  }

  private static void assertCustomerSegments(RetailInputs inputs) {
    Dataset<Row> df = read("customer_segments");
    assertThat(df.columns()).as("customer_segments columns").containsExactly("customer_id", "email", "first_name",
        "last_name", "total_orders", "lifetime_value", "last_order_date", "segment");
    assertMetricTypes(df, "customer_segments");
    assertThat(type(df, "segment")).as("customer_segments.segment type").isEqualTo("string");
    List<Segmented> expected = inputs.customerSegments();
    List<Row> rows = collect(df, "customer_segments", expected.size());
    assertThat(rows.stream().map(r -> (String) r.getAs("segment")).distinct().toList())
        .as("customer_segments.segment values, exactly, with no padding")
        .allSatisfy(s -> assertThat(s).isIn(SEGMENTS));
    List<Segmented> actual = rows.stream()
        .map(RetailSparkITCase::segmented)
        .sorted(Comparator.comparingLong(Segmented::customerId)).toList();
    assertThat(actual).as("customer_segments rows").containsExactlyElementsOf(expected);
    // string min/max statistics must not make Spark skip files
    for (String segment : SEGMENTS) {
      assertThat(df.filter(col("segment").equalTo(segment)).count()).as("customer_segments with segment = '%s'", segment)
          .isEqualTo(expected.stream().filter(s -> s.segment().equals(segment)).count());
    }
  }

  private static void assertMetricTypes(Dataset<Row> df, String table) {
    assertThat(types(df, "customer_id", "email", "first_name", "last_name", "total_orders", "last_order_date"))
        .as("%s column types", table).containsExactly("bigint", "string", "string", "string", "bigint", "date");
    StructField lifetimeValue = df.schema().apply("lifetime_value");
    assertThat(lifetimeValue.dataType()).as("%s.lifetime_value type", table).isInstanceOf(DecimalType.class);
    DecimalType decimal = (DecimalType) lifetimeValue.dataType();
    assertThat(decimal.scale()).as("%s.lifetime_value scale", table).isEqualTo(2);
    assertThat(decimal.precision()).as("%s.lifetime_value precision", table).isGreaterThanOrEqualTo(12);
  }

  // ---- the Delta log as Spark sees it ----------------------------------------------------------

  /**
   * DESCRIBE HISTORY: versions 0..latest without a gap, version 0 creates the table, every later
   * commit is an append (streaming tables) or a replace (materialized views).
   */
  private static List<Row> assertHistory(String table) {
    List<Row> history = DeltaTable.forPath(spark, tablePath(table)).history()
        .select("version", "operation").orderBy("version").collectAsList();
    String commit = APPEND_TABLES.contains(table) ? APPEND : REPLACE;
    assertThat(history).as("%s: history", table).isNotEmpty();
    List<Long> versions = history.stream().map(r -> r.getLong(0)).toList();
    assertThat(versions).as("%s: history versions", table)
        .isEqualTo(LongStream.rangeClosed(0, versions.get(versions.size() - 1)).boxed().toList());
    List<String> operations = history.stream().map(r -> r.getString(1)).toList();
    assertThat(operations.get(0)).as("%s: operation of version 0 (history %s)", table, operations).isEqualTo(CREATE);
    assertThat(operations.subList(1, operations.size())).as("%s: operations after version 0", table)
        .allSatisfy(op -> assertThat(op).isEqualTo(commit));
    return history;
  }

  /** The writer's .crc of the latest version agrees with the state Spark reconstructs from the log. */
  private static boolean assertChecksumMatches(String table) {
    Snapshot snapshot = DeltaLog.forTable(spark, tablePath(table)).unsafeVolatileSnapshot();
    Path crc = Path.of(tablePath(table), "_delta_log", String.format("%020d.crc", snapshot.version()));
    if (Files.exists(crc)) {
      assertThat(snapshot.checksumOpt().isDefined()).as("%s: Spark reads %s", table, crc.getFileName()).isTrue();
      // throws with the mismatching fields (spark.databricks.delta.checksum.mismatch.fatal=true)
      assertThat(snapshot.validateChecksum(snapshot.validateChecksum$default$1()))
          .as("%s: %s matches the table state", table, crc.getFileName()).isTrue();
      return true;
    }
    return false;
  }

  private static Map<String, Long> latestVersions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : TABLES) {
      versions.put(table, DeltaTable.forPath(spark, tablePath(table)).history(1).select("version").first().getLong(0));
    }
    return versions;
  }

  private static Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, read(table).count());
    }
    return counts;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /**
   * The README's event log query, run by Spark on the event log table: the expectation counts of
   * the first update, per dataset and expectation.
   */
  private static void assertEventLogQuery() {
    String eventLog = pipeline.resolve("storage/system/event_log").toString();
    List<Row> rows = spark.sql("SELECT origin.update_id, e.dataset, e.name, e.passed_records, e.failed_records "
        + "FROM delta.`" + eventLog + "` "
        + "LATERAL VIEW explode(from_json(get_json_object(details, '$.flow_progress.data_quality.expectations'), "
        + "'array<struct<name:string,dataset:string,passed_records:bigint,failed_records:bigint>>')) t AS e "
        + "WHERE event_type = 'flow_progress'").collectAsList();
    Map<String, String> counts = new java.util.TreeMap<>();
    rows.forEach(r -> counts.put(r.getString(1) + "." + r.getString(2), r.getLong(3) + "/" + r.getLong(4)));
    assertThat(counts).as("expectation counts in the event log, read by Spark")
        .containsEntry("cleaned_orders.valid_order_id", "58/1")
        .containsEntry("cleaned_orders.positive_amount", "57/2")
        .containsEntry("cleaned_customers.valid_email", "20/1");
  }

  private static Dataset<Row> read(String table) {
    return spark.read().format("delta").load(tablePath(table));
  }

  private static String tablePath(String table) {
    return pipeline.resolve("storage/tables").resolve(table).toString();
  }

  /** All rows; the count Delta answers from its statistics and the rows Spark reads must both match. */
  private static List<Row> collect(Dataset<Row> df, String table, int expectedRows) {
    assertThat(df.count()).as("%s: row count", table).isEqualTo(expectedRows);
    List<Row> rows = df.collectAsList();
    assertThat(rows).as("%s: rows read", table).hasSize(expectedRows);
    return rows;
  }

  private static OrderRow order(Row r) {
    return new OrderRow(r.getAs("order_id"), r.getAs("customer_id"), r.getAs("order_date"), r.getAs("order_amount"),
        r.getAs("status"));
  }

  private static Segmented segmented(Row r) {
    return new Segmented(r.getAs("customer_id"), r.getAs("email"), r.getAs("first_name"), r.getAs("last_name"),
        r.getAs("total_orders"), r.getAs("lifetime_value"), r.getAs("last_order_date"), r.getAs("segment"));
  }

  private static List<Row> readVersion(String table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(tablePath(table)).collectAsList();
  }

  /**
   * Runs a Spark Structured Streaming query on the table with Trigger.AvailableNow and a checkpoint
   * kept across calls, so each call returns the rows committed since the previous one.
   */
  private static List<OrderRow> streamNewRows(String table) throws TimeoutException, StreamingQueryException {
    List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    VoidFunction2<Dataset<Row>, Long> collectBatch = (batch, batchId) -> rows.addAll(batch.collectAsList());
    StreamingQuery query = spark.readStream().format("delta").load(tablePath(table))
        .writeStream()
        .option("checkpointLocation", tmp.resolve("spark-checkpoints").resolve(table).toString())
        .trigger(Trigger.AvailableNow())
        .foreachBatch(collectBatch)
        .start();
    assertThat(query.awaitTermination(Duration.ofMinutes(2).toMillis())).as("%s stream finished", table).isTrue();
    return rows.stream().map(RetailSparkITCase::order).sorted(Comparator.comparing(OrderRow::orderId)).toList();
  }

  private static List<String> fields(Dataset<Row> df) {
    return Arrays.stream(df.schema().fields()).map(f -> f.name() + " " + f.dataType().simpleString()).toList();
  }

  private static String type(Dataset<Row> df, String column) {
    return df.schema().apply(column).dataType().simpleString();
  }

  private static List<String> types(Dataset<Row> df, String... columns) {
    StructType schema = df.schema();
    return Arrays.stream(columns).map(c -> schema.apply(c).dataType().simpleString()).collect(Collectors.toList());
  }

  private static Comparator<Long> nullsFirst() {
    return Comparator.nullsFirst(Comparator.naturalOrder());
  }

  private static JsonNode parseJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("_rescued_data is not JSON: " + text, e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(from)) {
      paths = new ArrayList<>(walk.toList());
    }
    for (Path source : paths) {
      Path target = to.resolve(from.relativize(source).toString());
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
