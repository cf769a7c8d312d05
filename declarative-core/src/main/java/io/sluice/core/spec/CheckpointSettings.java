package io.sluice.core.spec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How flow jobs checkpoint, from {@code checkpoints:} in pipeline.yaml. Unset values take the
 * mode's defaults: every 5 s in triggered runs (checkpoints there only protect against crashes),
 * every 10 s in continuous runs (each checkpoint publishes data, so it sets the latency).
 *
 * @param interval how often
 * @param exactlyOnce exactly-once (default) or at-least-once barriers
 * @param timeout how long a checkpoint may take before it is abandoned
 * @param stateBackend {@code hashmap} (default: fastest while state fits in memory) or {@code rocksdb}
 * @param retained how many completed checkpoints are kept (at least 1)
 */
public record CheckpointSettings(
    Optional<Duration> interval, boolean exactlyOnce, Duration timeout, String stateBackend, int retained) {

  public static final CheckpointSettings DEFAULTS =
      new CheckpointSettings(Optional.empty(), true, Duration.ofMinutes(10), "hashmap", 2);

  public CheckpointSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(stateBackend, "stateBackend");
  }

  /** The interval for a mode: the configured one, else 5 s triggered or 10 s continuous. */
  public Duration intervalFor(ExecutionMode mode) {
    return interval.orElse(mode == ExecutionMode.CONTINUOUS ? Duration.ofSeconds(10) : Duration.ofSeconds(5));
  }
}
