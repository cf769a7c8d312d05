package io.sluice.bench.suite;

import io.trino.tpch.Customer;
import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A TPC-H table of the suite (WORKLOADS.md, "Data"): its columns, their SQL types and how to read
 * each off a row of {@code io.trino.tpch}'s generator for that table.
 */
record TpchTable<T>(String name, List<Column<T>> columns, Generator<T> generator) {

  /** A column's kind; decimals are DECIMAL(15,2) held as cents, dates as epoch days. */
  enum Kind {
    BIGINT("BIGINT"), INT("INT"), DECIMAL("DECIMAL(15,2)"), DATE("DATE"), STRING("STRING");

    final String sql;

    Kind(String sql) {
      this.sql = sql;
    }
  }

  /** {@code value} returns a Long, Integer (INT, DATE) or String. */
  record Column<T>(String name, Kind kind, Function<T, Object> value) {}

  /** Rows of one part of the table: parts are numbered 1..partCount. */
  interface Generator<T> {
    Iterable<T> rows(double scaleFactor, int part, int partCount);
  }

  static final TpchTable<LineItem> LINEITEM = new TpchTable<>("lineitem", List.of(
      new Column<>("l_orderkey", Kind.BIGINT, LineItem::getOrderKey),
      new Column<>("l_partkey", Kind.BIGINT, LineItem::getPartKey),
      new Column<>("l_suppkey", Kind.BIGINT, LineItem::getSupplierKey),
      new Column<>("l_linenumber", Kind.INT, LineItem::getLineNumber),
      new Column<>("l_quantity", Kind.DECIMAL, l -> l.getQuantity() * 100),
      new Column<>("l_extendedprice", Kind.DECIMAL, LineItem::getExtendedPriceInCents),
      new Column<>("l_discount", Kind.DECIMAL, LineItem::getDiscountPercent),
      new Column<>("l_tax", Kind.DECIMAL, LineItem::getTaxPercent),
      new Column<>("l_returnflag", Kind.STRING, LineItem::getReturnFlag),
      new Column<>("l_linestatus", Kind.STRING, LineItem::getStatus),
      new Column<>("l_shipdate", Kind.DATE, LineItem::getShipDate),
      new Column<>("l_commitdate", Kind.DATE, LineItem::getCommitDate),
      new Column<>("l_receiptdate", Kind.DATE, LineItem::getReceiptDate),
      new Column<>("l_shipinstruct", Kind.STRING, LineItem::getShipInstructions),
      new Column<>("l_shipmode", Kind.STRING, LineItem::getShipMode),
      new Column<>("l_comment", Kind.STRING, LineItem::getComment)),
      LineItemGenerator::new);

  static final TpchTable<Order> ORDERS = new TpchTable<>("orders", List.of(
      new Column<>("o_orderkey", Kind.BIGINT, Order::getOrderKey),
      new Column<>("o_custkey", Kind.BIGINT, Order::getCustomerKey),
      new Column<>("o_orderstatus", Kind.STRING, o -> String.valueOf(o.getOrderStatus())),
      new Column<>("o_totalprice", Kind.DECIMAL, Order::getTotalPriceInCents),
      new Column<>("o_orderdate", Kind.DATE, Order::getOrderDate),
      new Column<>("o_orderpriority", Kind.STRING, Order::getOrderPriority),
      new Column<>("o_clerk", Kind.STRING, Order::getClerk),
      new Column<>("o_shippriority", Kind.INT, Order::getShipPriority),
      new Column<>("o_comment", Kind.STRING, Order::getComment)),
      OrderGenerator::new);

  static final TpchTable<Customer> CUSTOMER = new TpchTable<>("customer", List.of(
      new Column<>("c_custkey", Kind.BIGINT, Customer::getCustomerKey),
      new Column<>("c_name", Kind.STRING, Customer::getName),
      new Column<>("c_address", Kind.STRING, Customer::getAddress),
      new Column<>("c_nationkey", Kind.BIGINT, Customer::getNationKey),
      new Column<>("c_phone", Kind.STRING, Customer::getPhone),
      new Column<>("c_acctbal", Kind.DECIMAL, Customer::getAccountBalanceInCents),
      new Column<>("c_mktsegment", Kind.STRING, Customer::getMarketSegment),
      new Column<>("c_comment", Kind.STRING, Customer::getComment)),
      CustomerGenerator::new);

  /** The columns as a {@code read_files} schema: {@code l_orderkey BIGINT, ...}. */
  String schemaSql() {
    return columns.stream().map(c -> c.name() + " " + c.kind().sql).collect(Collectors.joining(", "));
  }

  /** The column names, comma separated. */
  String columnList() {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }
}
