package io.sluice.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One workload of the contract as a Sluice pipeline folder: its definitions, the dataset whose
 * flow is measured, the folder its tables are linked to (see {@link SluiceMain}) and settings of
 * pipeline.yaml beyond its name.
 */
record SluiceWorkload(String workload, String dataset, Path tables, String sql, String settings) {
  private static final String LINEITEM = TpchTable.LINEITEM.schemaSql();

  SluiceWorkload(String workload, String dataset, Path tables, String sql) {
    this(workload, dataset, tables, sql, "");
  }

  static SluiceWorkload of(String workload, String[] args) {
    switch (workload) {
      case "W1", "W4" -> {
        Path out = SluiceMain.abs(args[2]);
        return new SluiceWorkload(workload, name(out), out.getParent(), String.format(
            "CREATE STREAMING TABLE %s AS SELECT * FROM STREAM read_files('%s', format => 'json',%n"
                + "  schema => '%s');%n", name(out), SluiceMain.abs(args[1]), LINEITEM));
      }
      case "W2" -> {
        return new SluiceWorkload(workload, "silver_lineitem", SluiceMain.abs(args[2]), String.format(
            "CREATE STREAMING TABLE silver_lineitem %sAS SELECT * FROM STREAM(delta.`%s`);%n",
            args[3].equals("5") ? EXPECTATIONS : "", SluiceMain.abs(args[1])));
      }
      case "W3" -> {
        // read_files inline, as one query (temporary views over the files work the same)
        Path in = SluiceMain.abs(args[1]);
        Path out = SluiceMain.abs(args[2]);
        return new SluiceWorkload(workload, name(out), out.getParent(), String.format(
            "CREATE MATERIALIZED VIEW %s AS SELECT c_mktsegment AS segment,%n"
                + "  EXTRACT(YEAR FROM o_orderdate) AS order_year, SUM(l_extendedprice * (1 - l_discount)) AS revenue,%n"
                + "  COUNT(*) AS line_count%n"
                + "FROM %s JOIN %s ON l_orderkey = o_orderkey JOIN %s ON o_custkey = c_custkey%n"
                + "GROUP BY c_mktsegment, EXTRACT(YEAR FROM o_orderdate);%n", name(out),
            parquet(in, TpchTable.LINEITEM), parquet(in, TpchTable.ORDERS), parquet(in, TpchTable.CUSTOMER)));
      }
      case "W5" -> {
        if (args.length != 7 || !args[6].matches("[1-9][0-9]*")) {
          throw new IllegalArgumentException("Cannot run W5 with " + (args.length - 1) + " arguments: use W5 "
              + "<bootstrapServers> <inTopic> <outTopic> <outTable> <stateDir> <commitMillis>");
        }
        Path out = SluiceMain.abs(args[4]);
        return new SluiceWorkload(workload, name(out), out.getParent(), String.format(CONTINUOUS, args[1], args[2],
            name(out), args[1], args[3]), "checkpoints: {interval: " + Long.parseLong(args[6]) + "ms}\n");
      }
      default -> throw new IllegalArgumentException(
          "Cannot run workload '" + workload + "': use W1, W2, W3, W4 or W5");
    }
  }

  private static String parquet(Path folder, TpchTable<?> table) {
    return String.format("read_files('%s', format => 'parquet', schema => '%s') AS %s", folder.resolve(table.name()),
        table.schemaSql(), table.name());
  }

  /**
   * W2's five expectations. The contract drops (does not quarantine) a row failing both
   * {@code small_quantity} and {@code not_air}; Sluice applies the strongest action, and
   * quarantine is stronger than drop, so {@code not_air} lets the rows {@code small_quantity}
   * drops pass. Its count is therefore the AIR rows with a quantity of at most 45.
   */
  private static final String EXPECTATIONS = """
      (
        CONSTRAINT small_quantity EXPECT (l_quantity <= 45) ON VIOLATION DROP ROW,
        CONSTRAINT not_air EXPECT (l_shipmode <> 'AIR' OR l_quantity > 45) ON VIOLATION QUARANTINE,
        CONSTRAINT low_discount EXPECT (l_discount <= 0.08),
        CONSTRAINT low_tax EXPECT (l_tax <= 0.06),
        CONSTRAINT in_time EXPECT (l_shipdate <= l_receiptdate)
      ) """;

  /**
   * W5: the records through a temporary view with the contract's expectation into a streaming
   * table and, by a flow of its own, into an exactly-once Kafka sink.
   */
  private static final String CONTINUOUS = """
      CREATE TEMPORARY VIEW checked (
        CONSTRAINT non_negative EXPECT (v >= 0) ON VIOLATION DROP ROW
      ) AS SELECT id, v, sent_at FROM STREAM read_kafka(bootstrapServers => '%s', subscribe => '%s',
        startingOffsets => 'earliest', valueFormat => 'json', schema => 'id BIGINT, v BIGINT, sent_at BIGINT');

      CREATE STREAMING TABLE %s AS SELECT * FROM STREAM(checked);

      CREATE SINK out USING kafka OPTIONS ('kafka.bootstrap.servers' = '%s', 'topic' = '%s');
      CREATE FLOW forward AS INSERT INTO out SELECT * FROM STREAM(checked);
      """;

  /** Writes pipeline.yaml, the definitions, and links {@code storage/tables} to {@link #tables}. */
  void writeTo(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("storage"));
    Files.createDirectories(tables);
    Path link = folder.resolve("storage/tables");
    if (!Files.isSymbolicLink(link)) {
      Files.createSymbolicLink(link, tables);
    }
    Files.writeString(folder.resolve("pipeline.yaml"), "name: suite_" + workload.toLowerCase() + "\n" + settings);
    Files.writeString(folder.resolve("workload.sql"), sql);
  }

  private static String name(Path table) {
    return table.getFileName().toString();
  }
}
