package io.sluice.runtime.translate;

import io.sluice.runtime.storage.StorageLayout;
import io.sluice.core.spec.CheckpointSettings;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * One flow's Flink environment: a job of its own, so that its checkpoints, savepoints and UIDs
 * belong to it alone. Unbounded flows run in STREAMING mode with checkpoints (pipeline.yaml
 * {@code checkpoints:}) retained under the flow's state folder; bounded flows run in BATCH mode.
 */
final class FlowEnvironment {
  final StreamExecutionEnvironment env;
  final StreamTableEnvironment tEnv;
  final boolean bounded;
  private InputCatalog inputs;

  private FlowEnvironment(StreamExecutionEnvironment env, StreamTableEnvironment tEnv, boolean bounded) {
    this.env = env;
    this.tEnv = tEnv;
    this.bounded = bounded;
  }

  /** The catalog of this flow's prunable inputs, registered in its table environment on first use. */
  InputCatalog inputs() {
    if (inputs == null) {
      inputs = InputCatalog.registerIn(tEnv);
    }
    return inputs;
  }

  static FlowEnvironment create(TranslationContext ctx, String flow, boolean bounded) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.NAME, ctx.spec().name() + "/" + flow);
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    // Chained operators hand rows on without copying them. Flink's SQL operators allow this, and
    // Sluice's own never keep a row they were given (the Delta writer copies what it buffers).
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    conf.set(ExecutionOptions.RUNTIME_MODE, bounded ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
    if (!bounded) {
      StorageLayout layout = ctx.layout();
      CheckpointSettings cp = ctx.spec().checkpoints();
      conf.set(StateBackendOptions.STATE_BACKEND, cp.stateBackend());
      if (cp.stateBackend().equals("rocksdb")) {
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
      }
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, StorageLayout.uri(layout.checkpoints(flow)));
      conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, StorageLayout.uri(layout.savepoints(flow)));
      conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, cp.retained());
      conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, cp.intervalFor(ctx.spec().mode()));
      conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, cp.timeout());
      conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
          cp.exactlyOnce() ? CheckpointingMode.EXACTLY_ONCE : CheckpointingMode.AT_LEAST_ONCE);
      conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    }
    conf.addAll(ctx.flinkConfig());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    EnvironmentSettings settings = bounded
        ? EnvironmentSettings.newInstance().inBatchMode().withConfiguration(conf).build()
        : EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(conf).build();
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env, settings);
    return new FlowEnvironment(env, tEnv, bounded);
  }
}
