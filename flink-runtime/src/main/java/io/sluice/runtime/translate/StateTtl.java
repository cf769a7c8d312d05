package io.sluice.runtime.translate;

import io.sluice.core.model.Dataset;
import io.sluice.core.problem.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.config.ExecutionConfigOptions;

/**
 * {@code 'state.ttl'} on a dataset: Flink's {@code table.exec.state.ttl} for the jobs of the flows
 * that write it, so a regular join or aggregation forgets a key after that long without it (window
 * operators clean up by the watermark and are not affected). Set on the flow's table config before
 * its query is planned; it overrides a pipeline-wide value from pipeline.yaml's {@code flink:}.
 */
final class StateTtl {
  private StateTtl() {}

  /** Applies the target's TTL, if it has a valid one; an invalid value adds a problem. */
  static Optional<Duration> apply(FlowEnvironment fenv, Dataset target, List<Problem> problems) {
    Optional<Duration> ttl = DatasetDurations.of(target, DatasetDurations.STATE_TTL, problems);
    ttl.ifPresent(d -> fenv.tEnv.getConfig().set(ExecutionConfigOptions.IDLE_STATE_RETENTION, d));
    return ttl;
  }
}
