package io.sluice.bench.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A few hundred TPC-H-like rows in the contract's layout ({@code json/lineitem/part-NNNNN.json},
 * {@code parquet/{customer,orders,lineitem}/part-NNNNN.parquet}), for tests only; the rows are
 * kept as column name → value maps (Long, Integer, BigDecimal, LocalDate, String).
 */
final class TinyTpch {
  private static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD",
      "MACHINERY"};
  private static final String[] MODES = {"AIR", "REG AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  private static final LocalDate START = LocalDate.of(1992, 1, 1);

  final List<Map<String, Object>> customer = new ArrayList<>();
  final List<Map<String, Object>> orders = new ArrayList<>();
  final List<Map<String, Object>> lineitem = new ArrayList<>();

  TinyTpch(int customers, int orderCount, long seed) {
    Random random = new Random(seed);
    for (long c = 1; c <= customers; c++) {
      customer.add(row("c_custkey", c, "c_name", "Customer#" + c, "c_address", "addr " + c,
          "c_nationkey", (long) random.nextInt(25), "c_phone", "10-" + c,
          "c_acctbal", money(random, 999_999), "c_mktsegment", SEGMENTS[random.nextInt(5)],
          "c_comment", "c" + c));
    }
    for (long o = 1; o <= orderCount; o++) {
      LocalDate orderDate = START.plusDays(random.nextInt(7 * 365));
      orders.add(row("o_orderkey", o, "o_custkey", 1L + random.nextInt(customers),
          "o_orderstatus", "O", "o_totalprice", money(random, 50_000_000),
          "o_orderdate", orderDate, "o_orderpriority", "1-URGENT", "o_clerk", "Clerk#1",
          "o_shippriority", 0, "o_comment", "o" + o));
      int lines = 1 + random.nextInt(7);
      for (int l = 1; l <= lines; l++) {
        LocalDate ship = orderDate.plusDays(1 + random.nextInt(120));
        lineitem.add(row("l_orderkey", o, "l_partkey", (long) random.nextInt(2000),
            "l_suppkey", (long) random.nextInt(100), "l_linenumber", l,
            "l_quantity", BigDecimal.valueOf(1 + random.nextInt(50)).setScale(2),
            "l_extendedprice", money(random, 10_000_000),
            "l_discount", BigDecimal.valueOf(random.nextInt(11), 2),
            "l_tax", BigDecimal.valueOf(random.nextInt(9), 2),
            "l_returnflag", "N", "l_linestatus", "O", "l_shipdate", ship,
            "l_commitdate", ship.plusDays(random.nextInt(30)),
            "l_receiptdate", ship.plusDays(random.nextInt(35) - 5),
            "l_shipinstruct", "NONE", "l_shipmode", MODES[random.nextInt(MODES.length)],
            "l_comment", "l" + o + "." + l));
      }
    }
  }

  /** Writes the JSON lineitem folder and the three Parquet folders under {@code data}. */
  void write(Path data) throws IOException {
    List<List<Map<String, Object>>> halves = halves(lineitem);
    ObjectMapper json = new ObjectMapper();
    for (int part = 0; part < halves.size(); part++) {
      Path file = data.resolve(String.format("json/lineitem/part-%05d.json", part));
      Files.createDirectories(file.getParent());
      try (BufferedWriter out = Files.newBufferedWriter(file)) {
        for (Map<String, Object> row : halves.get(part)) {
          Map<String, Object> line = new LinkedHashMap<>(row);
          line.replaceAll((k, v) -> v instanceof LocalDate d ? d.toString() : v);
          out.write(json.writeValueAsString(line));
          out.write('\n');
        }
      }
    }
    writeParquet(data.resolve("parquet/customer"), List.of(customer), TpchTables.CUSTOMER);
    writeParquet(data.resolve("parquet/orders"), List.of(orders), TpchTables.ORDERS);
    writeParquet(data.resolve("parquet/lineitem"), halves, TpchTables.LINEITEM);
  }

  private static void writeParquet(Path folder, List<List<Map<String, Object>>> parts,
      String columns) throws IOException {
    MessageType schema = parquetSchema(columns);
    Files.createDirectories(folder);
    for (int part = 0; part < parts.size(); part++) {
      Path file = folder.resolve(String.format("part-%05d.parquet", part));
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      try (ParquetWriter<Group> out = ExampleParquetWriter.builder(new LocalOutputFile(file))
          .withType(schema).build()) {
        for (Map<String, Object> row : parts.get(part)) {
          Group group = groups.newGroup();
          row.forEach((name, value) -> add(group, name, value));
          out.write(group);
        }
      }
    }
  }

  private static void add(Group group, String name, Object value) {
    if (value instanceof Long v) {
      group.add(name, v);
    } else if (value instanceof Integer v) {
      group.add(name, v);
    } else if (value instanceof BigDecimal v) {
      group.add(name, v.unscaledValue().longValueExact());
    } else if (value instanceof LocalDate v) {
      group.add(name, (int) v.toEpochDay());
    } else if (value instanceof String v) {
      group.add(name, v);
    } else {
      throw new IllegalStateException("Unexpected value " + value + " of " + name);
    }
  }

  /** The Parquet schema of a column list such as {@link TpchTables#LINEITEM}. */
  private static MessageType parquetSchema(String columns) {
    StringBuilder message = new StringBuilder("message row {\n");
    for (String column : columns.replace("\n", " ").split(",(?![^(]*\\))")) {
      String[] nameAndType = column.trim().split(" ", 2);
      String type = switch (nameAndType[1].replace(" ", "")) {
        case "BIGINT" -> "int64";
        case "INT" -> "int32";
        case "STRING" -> "binary";
        case "DATE" -> "int32";
        case "DECIMAL(15,2)" -> "int64";
        default -> throw new IllegalStateException("Unexpected type " + nameAndType[1]);
      };
      String annotation = switch (nameAndType[1].replace(" ", "")) {
        case "STRING" -> " (STRING)";
        case "DATE" -> " (DATE)";
        case "DECIMAL(15,2)" -> " (DECIMAL(15,2))";
        default -> "";
      };
      message.append("  optional ").append(type).append(' ').append(nameAndType[0])
          .append(annotation).append(";\n");
    }
    return MessageTypeParser.parseMessageType(message.append("}").toString());
  }

  private static List<List<Map<String, Object>>> halves(List<Map<String, Object>> rows) {
    int middle = rows.size() / 2;
    return List.of(rows.subList(0, middle), rows.subList(middle, rows.size()));
  }

  private static BigDecimal money(Random random, int maxCents) {
    return BigDecimal.valueOf(random.nextInt(maxCents), 2);
  }

  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }
}
