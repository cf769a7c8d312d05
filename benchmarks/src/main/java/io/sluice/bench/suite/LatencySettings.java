package io.sluice.bench.suite;

/**
 * W5's load: the rate (records/s) and duration (s) of sending, and the engines' commit interval
 * (ms). Defaults 1,000 records/s for 20 s, commits every 1,000 ms; overridden by the system
 * properties {@code sluice.bench.w5.rate}, {@code .seconds} and {@code .commitMillis}.
 */
public record LatencySettings(int rate, int seconds, long commitMillis) {

  public LatencySettings {
    if (rate < 1 || seconds < 1 || commitMillis < 1) {
      throw new IllegalArgumentException(String.format("Cannot run W5 at %d records/s for %d s with commits every "
          + "%d ms: use positive numbers", rate, seconds, commitMillis));
    }
  }

  public static LatencySettings fromProperties() {
    return new LatencySettings(Integer.getInteger("sluice.bench.w5.rate", 1000),
        Integer.getInteger("sluice.bench.w5.seconds", 20), Long.getLong("sluice.bench.w5.commitMillis", 1000));
  }

  int total() {
    return rate * seconds;
  }

  /** Records sent in the first 5 s (the first third of shorter runs) are warm-up. */
  long warmupMillis() {
    return Math.min(5_000L, seconds * 1000L / 3);
  }
}
