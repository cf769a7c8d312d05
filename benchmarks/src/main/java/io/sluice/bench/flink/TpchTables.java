package io.sluice.bench.flink;

import io.sluice.connectors.delta.DeltaSink;
import io.sluice.connectors.delta.WriteMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The contract's TPC-H tables as Flink filesystem tables with their schema given (no inference):
 * {@code CREATE TABLE ... WITH ('connector' = 'filesystem', 'path' = ..., 'format' = ...)}.
 */
final class TpchTables {
  static final String CUSTOMER = """
      c_custkey BIGINT, c_name STRING, c_address STRING, c_nationkey BIGINT, c_phone STRING,
      c_acctbal DECIMAL(15, 2), c_mktsegment STRING, c_comment STRING""";

  static final String ORDERS = """
      o_orderkey BIGINT, o_custkey BIGINT, o_orderstatus STRING, o_totalprice DECIMAL(15, 2),
      o_orderdate DATE, o_orderpriority STRING, o_clerk STRING, o_shippriority INT,
      o_comment STRING""";

  static final String LINEITEM = """
      l_orderkey BIGINT, l_partkey BIGINT, l_suppkey BIGINT, l_linenumber INT,
      l_quantity DECIMAL(15, 2), l_extendedprice DECIMAL(15, 2), l_discount DECIMAL(15, 2),
      l_tax DECIMAL(15, 2), l_returnflag STRING, l_linestatus STRING, l_shipdate DATE,
      l_commitdate DATE, l_receiptdate DATE, l_shipinstruct STRING, l_shipmode STRING,
      l_comment STRING""";

  private TpchTables() {}

  /** Registers table {@code name} with {@code columns}, reading every file under {@code path}. */
  static void register(StreamTableEnvironment tables, String name, String columns, String path,
      String format) {
    tables.executeSql(String.format(
        "CREATE TEMPORARY TABLE %s (%s) WITH ('connector' = 'filesystem', 'path' = '%s', "
            + "'format' = '%s')", name, columns, path.replace("'", "''"), format));
  }

  /** Writes {@code table}'s rows to the Delta table {@code outTable}, replacing its content, in one commit. */
  static void overwriteDelta(StreamTableEnvironment tables, Table table, String outTable, String sink) {
    DataType rowType = table.getResolvedSchema().toPhysicalRowDataType();
    DataStream<RowData> rows = tables.toDataStream(table, rowType.bridgedTo(RowData.class));
    DeltaSink.builder(Paths.uri(outTable), (RowType) rowType.getLogicalType())
        .mode(WriteMode.OVERWRITE)
        .uidPrefix(sink)
        .build(rows);
  }
}
