package io.sluice.runtime.exec;

import io.sluice.core.spec.ExecutionMode;
import io.sluice.core.spec.PipelineSpec;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;

/**
 * The Flink configuration flow jobs get, in this precedence: the pipeline's {@code flink:}
 * settings, then Sluice's defaults (parallelism 2; development mode: no restarts; production
 * triggered: up to three exponential-delay restarts from the last checkpoint, so that an update
 * ends; production continuous: restarts without limit, backing off up to a minute).
 */
public final class EngineConfig {
  static final int DEFAULT_PARALLELISM = 2;

  private EngineConfig() {}

  public static Configuration of(PipelineSpec spec) {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.DEFAULT_PARALLELISM, DEFAULT_PARALLELISM);
    if (spec.development()) {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    } else if (spec.mode() == ExecutionMode.CONTINUOUS) {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofMinutes(1));
    } else {
      // A few restarts from the last checkpoint, then the flow fails: an update must end.
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, 3);
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(10));
    }
    conf.addAll(Configuration.fromMap(spec.flink()));
    return conf;
  }

  /**
   * Cluster-level settings from the pipeline's {@code flink:} map: metric reporters ({@code
   * metrics.*}) and the web UI port ({@code rest.port}). Jobs cannot set these themselves.
   */
  public static Configuration cluster(PipelineSpec spec) {
    Configuration conf = new Configuration();
    spec.flink().forEach((k, v) -> {
      if (k.startsWith("metrics.") || k.startsWith("rest.")) {
        conf.setString(k, v);
      }
    });
    return conf;
  }

  /** The pipeline's settings with one value replaced (for example from the command line). */
  public static Configuration with(Configuration base, Map<String, String> overrides) {
    Configuration conf = new Configuration(base);
    conf.addAll(Configuration.fromMap(overrides));
    return conf;
  }
}
