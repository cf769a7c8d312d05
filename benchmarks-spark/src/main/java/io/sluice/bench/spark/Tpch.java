package io.sluice.bench.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The TPC-H schemas of benchmarks/WORKLOADS.md, given to the readers (no inference). */
final class Tpch {
  private Tpch() {}

  private static final DataType MONEY = DataTypes.createDecimalType(15, 2);

  static StructType lineitem() {
    return new StructType()
        .add("l_orderkey", DataTypes.LongType)
        .add("l_partkey", DataTypes.LongType)
        .add("l_suppkey", DataTypes.LongType)
        .add("l_linenumber", DataTypes.IntegerType)
        .add("l_quantity", MONEY)
        .add("l_extendedprice", MONEY)
        .add("l_discount", MONEY)
        .add("l_tax", MONEY)
        .add("l_returnflag", DataTypes.StringType)
        .add("l_linestatus", DataTypes.StringType)
        .add("l_shipdate", DataTypes.DateType)
        .add("l_commitdate", DataTypes.DateType)
        .add("l_receiptdate", DataTypes.DateType)
        .add("l_shipinstruct", DataTypes.StringType)
        .add("l_shipmode", DataTypes.StringType)
        .add("l_comment", DataTypes.StringType);
  }

  static StructType orders() {
    return new StructType()
        .add("o_orderkey", DataTypes.LongType)
        .add("o_custkey", DataTypes.LongType)
        .add("o_orderstatus", DataTypes.StringType)
        .add("o_totalprice", MONEY)
        .add("o_orderdate", DataTypes.DateType)
        .add("o_orderpriority", DataTypes.StringType)
        .add("o_clerk", DataTypes.StringType)
        .add("o_shippriority", DataTypes.IntegerType)
        .add("o_comment", DataTypes.StringType);
  }

  static StructType customer() {
    return new StructType()
        .add("c_custkey", DataTypes.LongType)
        .add("c_name", DataTypes.StringType)
        .add("c_address", DataTypes.StringType)
        .add("c_nationkey", DataTypes.LongType)
        .add("c_phone", DataTypes.StringType)
        .add("c_acctbal", MONEY)
        .add("c_mktsegment", DataTypes.StringType)
        .add("c_comment", DataTypes.StringType);
  }
}
