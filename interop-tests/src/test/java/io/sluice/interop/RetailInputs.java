package io.sluice.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The retail example's input files, read with plain Jackson and a hand-written CSV split, and what
 * each table must contain according to examples/retail/transformations/*.sql, computed here in
 * plain Java, independently of Sluice.
 */
final class RetailInputs {
  /** The RLIKE of cleaned_customers (02_silver.sql); RLIKE is a find(), the pattern is anchored. */
  static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$");

  /** One line of data/customers/*.json; all fields null (and malformed) when the line is not JSON. */
  record Customer(Long customerId, String email, String firstName, String lastName, String country,
                  String updatedAt, boolean malformed, String line) {}

  /** One row of data/orders/*.csv with the bronze schema; a field that does not parse is null. */
  record OrderRow(Long orderId, Long customerId, LocalDate orderDate, BigDecimal orderAmount, String status) {}

  record CleanedCustomer(long customerId, String email, String firstName, String lastName, String country,
                         String updatedAt) {}

  record Enriched(long customerId, String email, String firstName, String lastName, long totalOrders,
                  BigDecimal lifetimeValue, LocalDate lastOrderDate) {}

  record Segmented(long customerId, String email, String firstName, String lastName, long totalOrders,
                   BigDecimal lifetimeValue, LocalDate lastOrderDate, String segment) {}

  final List<Customer> customers;
  final List<OrderRow> orders;

  private RetailInputs(List<Customer> customers, List<OrderRow> orders) {
    this.customers = customers;
    this.orders = orders;
  }

  /** Reads {@code <dataDir>/customers/*.json} and {@code <dataDir>/orders/*.csv}. */
  static RetailInputs read(Path dataDir) {
    List<Customer> customers = new ArrayList<>();
    for (Path file : files(dataDir.resolve("customers"), ".json")) {
      for (String line : lines(file)) {
        customers.add(parseCustomer(line));
      }
    }
    List<OrderRow> orders = new ArrayList<>();
    for (Path file : files(dataDir.resolve("orders"), ".csv")) {
      orders.addAll(readOrders(file));
    }
    return new RetailInputs(List.copyOf(customers), List.copyOf(orders));
  }

  /** The data rows of one orders CSV file (header skipped). */
  static List<OrderRow> readOrders(Path csv) {
    List<String> lines = lines(csv);
    if (lines.isEmpty() || !lines.get(0).equals("order_id,customer_id,order_date,order_amount,status")) {
      throw new IllegalStateException("unexpected header in " + csv + ": " + lines);
    }
    List<OrderRow> orders = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f.length != 5) {
        throw new IllegalStateException("the test's CSV split expects 5 fields: " + line);
      }
      orders.add(new OrderRow(parseLong(f[0]), parseLong(f[1]), f[2].isEmpty() ? null : LocalDate.parse(f[2]),
          parseDecimal(f[3], 2), f[4].isEmpty() ? null : f[4]));
    }
    return orders;
  }

  // ---- what the tables must hold -------------------------------------------------------------

  /** cleaned_orders: order_id and customer_id not null, order_amount > 0. */
  List<OrderRow> cleanedOrders() {
    return cleaned(orders);
  }

  /** The orders cleaned_orders keeps, sorted by order_id. */
  static List<OrderRow> cleaned(List<OrderRow> orders) {
    return orders.stream()
        .filter(o -> o.orderId() != null && o.customerId() != null)
        .filter(o -> o.orderAmount() != null && o.orderAmount().signum() > 0)
        .sorted(Comparator.comparing(OrderRow::orderId))
        .toList();
  }

  /** cleaned_customers: per non-null customer_id with a valid email, the row with the latest updated_at. */
  List<CleanedCustomer> cleanedCustomers() {
    Map<Long, Customer> latest = new LinkedHashMap<>();
    for (Customer c : customers) {
      if (c.customerId() == null || c.email() == null || !EMAIL.matcher(c.email()).find()) {
        continue;
      }
      Customer seen = latest.get(c.customerId());
      if (seen == null || LocalDateTime.parse(c.updatedAt()).isAfter(LocalDateTime.parse(seen.updatedAt()))) {
        latest.put(c.customerId(), c);
      }
    }
    return latest.values().stream()
        .map(c -> new CleanedCustomer(c.customerId(), c.email(), c.firstName(), c.lastName(), c.country(), c.updatedAt()))
        .sorted(Comparator.comparingLong(CleanedCustomer::customerId))
        .toList();
  }

  /** enriched_customers: cleaned_customers LEFT JOIN cleaned_orders, with count, sum and max date. */
  List<Enriched> enrichedCustomers() {
    List<OrderRow> cleanedOrders = cleanedOrders();
    List<Enriched> out = new ArrayList<>();
    for (CleanedCustomer c : cleanedCustomers()) {
      List<OrderRow> mine = cleanedOrders.stream().filter(o -> o.customerId() == c.customerId()).toList();
      BigDecimal sum = mine.stream().map(OrderRow::orderAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
      LocalDate last = mine.stream().map(OrderRow::orderDate).filter(Objects::nonNull)
          .max(Comparator.naturalOrder()).orElse(null);
      out.add(new Enriched(c.customerId(), c.email(), c.firstName(), c.lastName(), mine.size(), sum, last));
    }
    return out;
  }

  /** customer_segments: enriched_customers plus the segment of 03_gold.sql. */
  List<Segmented> customerSegments() {
    return enrichedCustomers().stream()
        .map(e -> new Segmented(e.customerId(), e.email(), e.firstName(), e.lastName(), e.totalOrders(),
            e.lifetimeValue(), e.lastOrderDate(), segment(e.lifetimeValue())))
        .toList();
  }

  static String segment(BigDecimal lifetimeValue) {
    if (lifetimeValue.compareTo(new BigDecimal("1000")) >= 0) {
      return "VIP";
    }
    if (lifetimeValue.compareTo(new BigDecimal("500")) >= 0) {
      return "Premium";
    }
    if (lifetimeValue.compareTo(new BigDecimal("100")) >= 0) {
      return "Regular";
    }
    return "New";
  }

  // ---- parsing --------------------------------------------------------------------------------

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Customer parseCustomer(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return new Customer(null, null, null, null, null, null, true, line);
    }
    return new Customer(
        node.hasNonNull("customer_id") ? node.get("customer_id").asLong() : null,
        text(node, "email"), text(node, "first_name"), text(node, "last_name"), text(node, "country"),
        text(node, "updated_at"), false, line);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static Long parseLong(String s) {
    try {
      return s.isEmpty() ? null : Long.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal parseDecimal(String s, int scale) {
    try {
      return s.isEmpty() ? null : new BigDecimal(s).setScale(scale, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
