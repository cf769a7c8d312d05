package io.sluice.expectations;

import static io.sluice.core.model.ViolationAction.DROP;
import static io.sluice.core.model.ViolationAction.QUARANTINE;
import static io.sluice.core.model.ViolationAction.WARN;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * Orders generated from an id, with the results the planner would compute for
 * {@code has_customer} (customer <> ''), {@code valid_id} (id % 13 <> 0) and
 * {@code positive_amount} (amount > 0), and an independent oracle of what should happen to them.
 */
final class OrderRows extends RichMapFunction<Long, RowData> {
  static final RowType DATA = RowType.of(
      new LogicalType[] {new BigIntType(), VarCharType.STRING_TYPE, new DecimalType(10, 2)},
      new String[] {"id", "customer", "amount"});
  static final RowType WITH_RESULTS = RowType.of(
      new LogicalType[] {new BigIntType(), VarCharType.STRING_TYPE, new DecimalType(10, 2),
          new BooleanType(), new BooleanType(), new BooleanType()},
      new String[] {"id", "customer", "amount", "r0", "r1", "r2"});
  static final List<Check> CHECKS = List.of(new Check("has_customer", WARN),
      new Check("valid_id", DROP), new Check("positive_amount", QUARANTINE));

  /** Rows seen per test key and task attempt number. */
  private static final Map<String, AtomicLong> SEEN = new ConcurrentHashMap<>();
  private static final Map<String, AtomicLong> OPENED = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> FAILED = new ConcurrentHashMap<>();

  private final String key;
  private final long failOnceAt;
  private transient int attempt;

  /** Maps ids to rows; throws once, on {@code failOnceAt} (or never if negative). */
  OrderRows(String key, long failOnceAt) {
    this.key = key;
    this.failOnceAt = failOnceAt;
  }

  static long seen(String key, boolean firstAttempt) {
    return SEEN.getOrDefault(key + (firstAttempt ? "/first" : "/later"), new AtomicLong()).get();
  }

  static long opened(String key) {
    return OPENED.getOrDefault(key, new AtomicLong()).get();
  }

  static boolean failed(String key) {
    return FAILED.containsKey(key);
  }

  @Override
  public void open(OpenContext context) {
    attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
    OPENED.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public RowData map(Long id) {
    SEEN.computeIfAbsent(key + (attempt == 0 ? "/first" : "/later"), k -> new AtomicLong())
        .incrementAndGet();
    if (id == failOnceAt && FAILED.putIfAbsent(key, true) == null) {
      throw new IllegalStateException("Injected failure at row " + id);
    }
    return row(id);
  }

  static RowData row(long id) {
    String customer = id % 7 == 0 ? null : id % 5 == 0 ? "" : "c" + id;
    BigDecimal amount = id % 4 == 0 ? null : BigDecimal.valueOf(id % 3 == 0 ? -id : id, 0);
    return GenericRowData.of(id,
        customer == null ? null : StringData.fromString(customer),
        amount == null ? null : DecimalData.fromBigDecimal(amount, 10, 2),
        customer == null ? null : !customer.isEmpty(),
        id % 13 != 0,
        amount == null ? null : amount.signum() > 0);
  }

  // The oracle: which checks a row fails, straight from the generating rules.
  static boolean failsCustomer(long id) {
    return id % 7 == 0 || id % 5 == 0;
  }

  static boolean failsId(long id) {
    return id % 13 == 0;
  }

  static boolean failsAmount(long id) {
    return id % 4 == 0 || id % 3 == 0;
  }

  static List<Long> kept(LongStream ids) {
    return ids.filter(id -> !failsAmount(id) && !failsId(id)).boxed().toList();
  }

  static List<Long> quarantined(LongStream ids) {
    return ids.filter(OrderRows::failsAmount).boxed().toList();
  }

  /** The failed expectation names of a quarantined row, in declaration order. */
  static List<String> failedNames(long id) {
    List<String> names = new ArrayList<>();
    if (failsCustomer(id)) {
      names.add("has_customer");
    }
    if (failsId(id)) {
      names.add("valid_id");
    }
    names.add("positive_amount");
    return names;
  }

  /** The numbers the operator must report for rows {@code [from, to)}. */
  static ExpectationMetrics expected(long from, long to) {
    long in = to - from;
    long kept = kept(LongStream.range(from, to)).size();
    long quarantined = quarantined(LongStream.range(from, to)).size();
    long customerFailed = LongStream.range(from, to).filter(OrderRows::failsCustomer).count();
    long idFailed = LongStream.range(from, to).filter(OrderRows::failsId).count();
    return new ExpectationMetrics(in, kept, in - kept - quarantined, quarantined, List.of(
        new ExpectationMetrics.CheckMetrics("has_customer", WARN, in - customerFailed, customerFailed),
        new ExpectationMetrics.CheckMetrics("valid_id", DROP, in - idFailed, idFailed),
        new ExpectationMetrics.CheckMetrics("positive_amount", QUARANTINE, in - quarantined,
            quarantined)));
  }
}
