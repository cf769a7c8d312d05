package io.sluice.connectors.files;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Fails the job once, on the record that starts with the given text. With pacing, the file of that
 * record was assigned after the last completed checkpoint and is partly read, so the failover must
 * hand it back to the enumerator and read it again from the start.
 */
final class FailOnce implements MapFunction<String, String> {
  private static final AtomicBoolean FAILED = new AtomicBoolean();

  private final String failAt;

  FailOnce(String failAt) {
    this.failAt = failAt;
  }

  static void reset() {
    FAILED.set(false);
  }

  static boolean failed() {
    return FAILED.get();
  }

  @Override
  public String map(String value) {
    if (value.startsWith(failAt) && FAILED.compareAndSet(false, true)) {
      throw new IllegalStateException("Injected failure at " + value);
    }
    return value;
  }
}
