package io.sluice.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the retail example's tables must hold, computed from its input files with plain Java,
 * following the intent of its SQL (not its code): an independent oracle for the pipeline.
 */
final class RetailExpectations {
  static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+$");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Order(Long id, Long customer, LocalDate date, BigDecimal amount) {}

  record Customer(long id, String email, String first, String last, String updatedAt) {}

  record Enriched(long id, String email, long orders, BigDecimal ltv, LocalDate lastOrder, String segment) {}

  final long rawCustomers;
  final List<Order> rawOrders;
  final Map<Long, Customer> cleanedCustomers = new TreeMap<>();
  final List<Order> cleanedOrders = new ArrayList<>();
  final Map<Long, Enriched> enriched = new TreeMap<>();

  RetailExpectations(Path pipeline) {
    List<String> customerLines = lines(pipeline.resolve("data/customers"));
    rawCustomers = customerLines.size();
    for (String line : customerLines) {
      customer(line).ifPresent(c -> cleanedCustomers.merge(c.id(), c,
          (a, b) -> a.updatedAt().compareTo(b.updatedAt()) >= 0 ? a : b));
    }
    rawOrders = lines(pipeline.resolve("data/orders")).stream()
        .filter(l -> !l.startsWith("order_id")).map(RetailExpectations::order).toList();
    for (Order o : rawOrders) {
      if (o.id() != null && o.customer() != null && o.amount() != null && o.amount().signum() > 0) {
        cleanedOrders.add(o);
      }
    }
    for (Customer c : cleanedCustomers.values()) {
      List<Order> mine = cleanedOrders.stream().filter(o -> o.customer() == c.id()).toList();
      BigDecimal ltv = mine.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
      LocalDate last = mine.stream().map(Order::date).max(LocalDate::compareTo).orElse(null);
      enriched.put(c.id(), new Enriched(c.id(), c.email(), mine.size(), ltv, last, segment(ltv)));
    }
  }

  static String segment(BigDecimal ltv) {
    if (ltv.compareTo(new BigDecimal(1000)) >= 0) {
      return "VIP";
    }
    if (ltv.compareTo(new BigDecimal(500)) >= 0) {
      return "Premium";
    }
    return ltv.compareTo(new BigDecimal(100)) >= 0 ? "Regular" : "New";
  }

  private static Optional<Customer> customer(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (!n.hasNonNull("customer_id") || !n.hasNonNull("email") || !EMAIL.matcher(n.get("email").asText()).matches()) {
        return Optional.empty();
      }
      return Optional.of(new Customer(n.get("customer_id").asLong(), n.get("email").asText(),
          n.get("first_name").asText(), n.get("last_name").asText(), n.get("updated_at").asText()));
    } catch (IOException e) {
      return Optional.empty(); // a malformed line is a raw row, but never a cleaned customer
    }
  }

  private static Order order(String line) {
    String[] f = line.split(",", -1);
    return new Order(longOrNull(f[0]), longOrNull(f[1]), LocalDate.parse(f[2]), decimalOrNull(f[3]));
  }

  private static Long longOrNull(String s) {
    return s.isBlank() ? null : Long.parseLong(s.strip());
  }

  private static BigDecimal decimalOrNull(String s) {
    try {
      return s.isBlank() ? null : new BigDecimal(s.strip()).setScale(2);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> lines(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> all = new ArrayList<>();
      for (Path f : files.sorted().toList()) {
        Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(all::add);
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
