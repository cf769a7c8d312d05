package io.sluice.runtime.translate;

import io.sluice.core.model.Dataset;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.util.TimeUtils;

/**
 * Table properties that are durations, written as Flink writes them ({@code '1 h'}, {@code '30
 * min'}, {@code '10 s'}, {@code '500 ms'}, {@code '7 d'}): {@value #STATE_TTL}, how long a flow keeps
 * the state of a join or aggregation key nobody touched, and {@value #IDLE_TIMEOUT}, after how long
 * without rows a watermarked input stops holding back the watermark of flows that combine it with
 * others.
 */
final class DatasetDurations {
  static final String STATE_TTL = "state.ttl";
  static final String IDLE_TIMEOUT = "watermark.idle.timeout";

  private DatasetDurations() {}

  /** Whether every duration property of the dataset is valid; problems say which is not. */
  static boolean valid(Dataset dataset, List<Problem> problems) {
    boolean valid = true;
    for (String property : List.of(STATE_TTL, IDLE_TIMEOUT)) {
      valid &= of(dataset, property, problems).isPresent() || dataset.spec().property(property).isEmpty();
    }
    return valid;
  }

  /** Empty when the property is absent or invalid; an invalid value adds a problem. */
  static Optional<Duration> of(Dataset dataset, String property, List<Problem> problems) {
    Optional<String> raw = dataset.spec().property(property);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(TimeUtils.parseDuration(raw.get()));
    } catch (RuntimeException e) {
      Problem p = Problem.error(ErrorCode.TABLE_PROPERTY_INVALID, dataset.location(),
          "Cannot use '" + property + "' = '" + raw.get() + "' on '" + dataset.name() + "': it is not a duration",
          "Write a duration such as '30 min', '1 h', '12 h' or '7 d'.");
      if (!problems.contains(p)) {
        problems.add(p);
      }
      return Optional.empty();
    }
  }
}
