package io.sluice.expectations;

import java.util.List;
import java.util.Map;
import org.apache.flink.util.OptionalFailure;
import org.apache.flink.util.SerializedValue;

/** Reads the cumulative numbers of a set from a finished job's accumulators. */
final class AccumulatorValues {
  private AccumulatorValues() {}

  static ExpectationMetrics read(Map<String, ?> accumulators, ExpectationSet set) {
    List<String> keys = CounterKeys.keys(set);
    long[] values = new long[keys.size()];
    for (int i = 0; i < values.length; i++) {
      String name = CounterKeys.accumulator(set, keys.get(i));
      if (!accumulators.containsKey(name)) {
        throw new IllegalArgumentException(String.format(
            "Cannot read the expectation metrics of dataset '%s': the job reported no accumulator"
                + " '%s'; pass the accumulators of the job that ran Expectations.apply for flow '%s'"
                + " with this expectation set", set.dataset(), name, set.flow()));
      }
      values[i] = longValue(name, accumulators.get(name));
    }
    return ExpectationMetrics.of(set, values);
  }

  /** A Long, or as {@code JobResult} gives it: a serialized {@code OptionalFailure<Long>}. */
  private static long longValue(String name, Object value) {
    try {
      if (value instanceof SerializedValue<?> serialized) {
        return longValue(name, serialized.deserializeValue(AccumulatorValues.class.getClassLoader()));
      }
    } catch (Exception e) {
      throw new IllegalArgumentException("Cannot read accumulator '" + name + "': " + e, e);
    }
    if (value instanceof OptionalFailure<?> optional) {
      if (optional.isFailure()) {
        throw new IllegalArgumentException("Cannot read accumulator '" + name
            + "': it failed in the job: " + optional.getFailureCause(), optional.getFailureCause());
      }
      return longValue(name, optional.getUnchecked());
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    throw new IllegalArgumentException(String.format(
        "Cannot read accumulator '%s': expected a Long, got %s; pass the job's accumulator results",
        name, value == null ? "null" : value.getClass().getName()));
  }
}
