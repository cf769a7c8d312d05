package io.sluice.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The suite's data (WORKLOADS.md, "Data"): TPC-H lineitem, orders and customer at one scale
 * factor, written once under {@code <root>/sf<sf>} and reused while its marker file, written
 * last, is there.
 *
 * <pre>
 * json/lineitem/part-00000..00098.json      generator parts 1..99 of 100
 * json/lineitem_increment/part-00099.json   part 100 of 100 (W4's increment)
 * parquet/lineitem/part-00000..00098.parquet
 * parquet/orders/part-NNNNN.parquet, parquet/customer/part-NNNNN.parquet   all rows
 * _COMPLETE.json                             row counts, written last
 * </pre>
 */
public final class TpchData {
  static final int LINEITEM_PARTS = 100;
  private static final int ORDERS_PARTS = 10;
  private static final int CUSTOMER_PARTS = 2;
  private static final String MARKER = "_COMPLETE.json";
  private final Path dir;
  private final double sf;

  /** Rows per table; {@code lineitem} is the 99% in the JSON and Parquet lineitem folders. */
  public record Counts(double sf, long lineitem, long lineitemIncrement, long orders, long customer) {}

  TpchData(Path root, double sf) {
    this.dir = root.resolve("sf" + BigDecimal.valueOf(sf).stripTrailingZeros().toPlainString());
    this.sf = sf;
  }

  Path dir() {
    return dir;
  }

  Path jsonLineitem() {
    return dir.resolve("json/lineitem");
  }

  Path jsonIncrement() {
    return dir.resolve("json/lineitem_increment");
  }

  Path parquet() {
    return dir.resolve("parquet");
  }

  /** The counts of the data, generating it first unless it is already complete. */
  Counts ensure() throws Exception {
    Path marker = dir.resolve(MARKER);
    if (Files.exists(marker)) {
      return new ObjectMapper().readValue(marker.toFile(), Counts.class);
    }
    delete(dir);
    for (String d : List.of("json/lineitem", "json/lineitem_increment", "parquet/lineitem", "parquet/orders",
        "parquet/customer")) {
      Files.createDirectories(dir.resolve(d));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<Long>> lineitem = new ArrayList<>();
      for (int part = 1; part < LINEITEM_PARTS; part++) {
        lineitem.add(submit(pool, TpchTable.LINEITEM, part, LINEITEM_PARTS, jsonLineitem(), true));
      }
      Future<Long> increment = submit(pool, TpchTable.LINEITEM, LINEITEM_PARTS, LINEITEM_PARTS, jsonIncrement(),
          false);
      List<Future<Long>> orders = new ArrayList<>();
      for (int part = 1; part <= ORDERS_PARTS; part++) {
        orders.add(submit(pool, TpchTable.ORDERS, part, ORDERS_PARTS, null, true));
      }
      List<Future<Long>> customer = new ArrayList<>();
      for (int part = 1; part <= CUSTOMER_PARTS; part++) {
        customer.add(submit(pool, TpchTable.CUSTOMER, part, CUSTOMER_PARTS, null, true));
      }
      Counts counts = new Counts(sf, sum(lineitem), increment.get(), sum(orders), sum(customer));
      new ObjectMapper().writeValue(marker.toFile(), counts);
      return counts;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Part {@code part} (1-based) as file {@code part-<part - 1>}: JSON into {@code json}, Parquet if asked. */
  private <T> Future<Long> submit(ExecutorService pool, TpchTable<T> table, int part, int parts, Path json,
      boolean parquet) {
    String file = String.format("part-%05d", part - 1);
    return pool.submit(() -> TpchFiles.write(table, table.generator().rows(sf, part, parts),
        json == null ? null : json.resolve(file + ".json"),
        parquet ? parquet().resolve(table.name()).resolve(file + ".parquet") : null));
  }

  private static long sum(List<Future<Long>> parts) throws Exception {
    long n = 0;
    for (Future<Long> f : parts) {
      n += f.get();
    }
    return n;
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** {@code TpchData <sf> [root]}: generates the data (if missing) and prints its counts and the time taken. */
  public static void main(String[] args) throws Exception {
    double sf = args.length > 0 ? Double.parseDouble(args[0]) : 0.01;
    Path root = Path.of(args.length > 1 ? args[1] : "/tmp/sluice-bench-data");
    long start = System.nanoTime();
    Counts counts = new TpchData(root, sf).ensure();
    System.out.printf("%s in %.1f s%n", counts, (System.nanoTime() - start) / 1e9);
  }
}
