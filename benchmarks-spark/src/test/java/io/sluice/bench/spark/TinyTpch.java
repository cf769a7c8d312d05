package io.sluice.bench.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A few TPC-H rows in the suite's data layout (benchmarks/WORKLOADS.md), with values chosen so that
 * every expectation of W2 has a known number of failures and W3 a known result.
 *
 * <p>Lineitem row {@code i} (1..10) belongs to order {@code (i + 1) / 2}. Rows 1, 2 have quantity 50
 * (small_quantity fails), rows 2, 3, 4 ship by AIR (not_air fails), row 5 has discount 0.10, rows 6, 7
 * tax 0.08, row 8 ships after its receipt. The increment holds rows 11, 12 (order 6), all passing.
 */
final class TinyTpch {
  static final int LINEITEMS = 10;
  static final int INCREMENT = 2;
  static final int ORDERS = 6;
  static final int CUSTOMERS = 3;

  private TinyTpch() {}

  static void write(SparkSession spark, Path data) throws IOException {
    writeLines(data.resolve("json/lineitem/part-00001.json"), lineitems(1, 6));
    writeLines(data.resolve("json/lineitem/part-00002.json"), lineitems(7, 10));
    writeLines(data.resolve("json/lineitem_increment/part-00099.json"), lineitems(11, 12));
    parquet(spark, lineitems(1, 10), Tpch.lineitem(), data.resolve("parquet/lineitem"));
    parquet(spark, orders(), Tpch.orders(), data.resolve("parquet/orders"));
    parquet(spark, customers(), Tpch.customer(), data.resolve("parquet/customer"));
  }

  static List<String> lineitems(int first, int last) {
    List<String> rows = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      rows.add(String.format(java.util.Locale.ROOT, "{\"l_orderkey\":%d,\"l_partkey\":%d,\"l_suppkey\":%d,"
              + "\"l_linenumber\":%d,\"l_quantity\":%s,\"l_extendedprice\":%d.25,\"l_discount\":%s,\"l_tax\":%s,"
              + "\"l_returnflag\":\"N\",\"l_linestatus\":\"O\",\"l_shipdate\":\"%s\",\"l_commitdate\":\"1996-03-01\","
              + "\"l_receiptdate\":\"1996-03-10\",\"l_shipinstruct\":\"NONE\",\"l_shipmode\":\"%s\",\"l_comment\":\"row %d\"}",
          (i + 1) / 2, 100 + i, 200 + i, 2 - i % 2, i <= 2 ? "50" : "10", 1000 * i,
          i == 5 ? "0.10" : "0.05", i == 6 || i == 7 ? "0.08" : "0.02",
          i == 8 ? "1996-03-20" : "1996-03-05", i >= 2 && i <= 4 ? "AIR" : "MAIL", i));
    }
    return rows;
  }

  private static List<String> orders() {
    long[] customer = {1, 2, 1, 3, 2, 3};
    List<String> rows = new ArrayList<>();
    for (int o = 1; o <= ORDERS; o++) {
      rows.add(String.format("{\"o_orderkey\":%d,\"o_custkey\":%d,\"o_orderstatus\":\"O\",\"o_totalprice\":1.00,"
              + "\"o_orderdate\":\"%s\",\"o_orderpriority\":\"1-URGENT\",\"o_clerk\":\"Clerk#1\","
              + "\"o_shippriority\":0,\"o_comment\":\"order %d\"}",
          o, customer[o - 1], o <= 2 ? "1995-06-01" : "1996-01-15", o));
    }
    return rows;
  }

  private static List<String> customers() {
    String[] segment = {"BUILDING", "MACHINERY", "BUILDING"};
    List<String> rows = new ArrayList<>();
    for (int c = 1; c <= CUSTOMERS; c++) {
      rows.add(String.format("{\"c_custkey\":%d,\"c_name\":\"Customer#%d\",\"c_address\":\"a\",\"c_nationkey\":1,"
              + "\"c_phone\":\"11-111\",\"c_acctbal\":10.50,\"c_mktsegment\":\"%s\",\"c_comment\":\"c\"}",
          c, c, segment[c - 1]));
    }
    return rows;
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
  }

  private static void parquet(SparkSession spark, List<String> json, StructType schema, Path dir) {
    spark.read().schema(schema).json(spark.createDataset(json, Encoders.STRING()))
        .coalesce(1).write().mode("overwrite").parquet(dir.toString());
  }
}
