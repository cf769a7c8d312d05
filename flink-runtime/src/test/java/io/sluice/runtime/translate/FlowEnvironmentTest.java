package io.sluice.runtime.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.graph.GraphBuilder;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.problem.Problems;
import io.sluice.core.spec.CheckpointSettings;
import io.sluice.core.spec.ExecutionMode;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.exec.EngineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Test;

class FlowEnvironmentTest {
  private static FlowEnvironment environment(PipelineSpec spec, boolean bounded) {
    TranslationContext ctx = new TranslationContext(spec,
        GraphBuilder.build(DefinitionSet.EMPTY, new Problems()), Phase.RUN, "u1", EngineConfig.of(spec));
    return FlowEnvironment.create(ctx, "orders", bounded);
  }

  private static PipelineSpec spec(CheckpointSettings cp, ExecutionMode mode) {
    PipelineSpec d = PipelineSpec.defaults(Path.of("/tmp/p"), "p").withMode(mode);
    return new PipelineSpec(d.folder(), d.name(), d.storage(), d.libraries(), d.configuration(), d.catalog(),
        d.database(), d.mode(), d.development(), d.format(), d.flink(), d.rules(), cp);
  }

  @Test
  void continuousDefaultsCheckpointEveryTenSecondsExactlyOnceAndRestartWithoutLimit() {
    ReadableConfig conf = environment(spec(CheckpointSettings.DEFAULTS, ExecutionMode.CONTINUOUS), false)
        .env.getConfiguration();
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).endsWith("/flows/orders/checkpoints");
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS)).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void triggeredRunsCheckpointEveryFiveSecondsAndRestartAFewTimes() {
    ReadableConfig conf = environment(spec(CheckpointSettings.DEFAULTS, ExecutionMode.TRIGGERED), false)
        .env.getConfiguration();
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(5));
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS)).isEqualTo(3);
  }

  @Test
  void settingsFromPipelineYamlReachTheJob() {
    CheckpointSettings cp = new CheckpointSettings(Optional.of(Duration.ofMillis(750)), false,
        Duration.ofMinutes(3), "rocksdb", 4);
    ReadableConfig conf = environment(spec(cp, ExecutionMode.CONTINUOUS), false).env.getConfiguration();
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofMillis(750));
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT)).isEqualTo(Duration.ofMinutes(3));
    assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
    assertThat(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
    assertThat(conf.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS)).isEqualTo(4);
  }
}
