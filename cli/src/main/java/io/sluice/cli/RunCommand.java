package io.sluice.cli;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.spec.ExecutionMode;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.exec.ContinuousRunner;
import io.sluice.runtime.exec.EmbeddedCluster;
import io.sluice.runtime.exec.StopSignal;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.exec.UpdateRunner;
import io.sluice.runtime.plan.RunOptions;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice run DIR}: one triggered update on an embedded Flink cluster, or a continuous run
 * ({@code --continuous} or {@code mode: continuous}) until Ctrl-C, SIGTERM or {@code sluice stop}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run an update: process what is new in every input, then stop.",
        "With --continuous (or mode: continuous in pipeline.yaml): keep processing until Ctrl-C, SIGTERM "
            + "or 'sluice stop DIR', which stop every flow with a savepoint; the next run resumes from there."})
final class RunCommand implements Callable<Integer> {
  @Mixin PipelineArgs pipeline;

  @Option(names = "--refresh", split = ",", paramLabel = "TABLE",
      description = "Update only these tables (comma-separated).")
  List<String> refresh = List.of();

  @Option(names = "--full-refresh", split = ",", paramLabel = "TABLE",
      description = "Clear these tables and rebuild them from all their input.")
  List<String> fullRefresh = List.of();

  @Option(names = "--full-refresh-all", description = "Clear and rebuild every table (except those with pipelines.reset.allowed = false).")
  boolean fullRefreshAll;

  @Option(names = "--parallelism", description = "Parallelism of each flow's job (default 2).")
  Integer parallelism;

  @Option(names = "--continuous", description = "Run continuously (as mode: continuous in pipeline.yaml).")
  boolean continuous;

  @Option(names = "--triggered", description = "Run one triggered update even if pipeline.yaml says continuous.")
  boolean triggered;

  @Option(names = "--from-savepoint", paramLabel = "[FLOW=]PATH",
      description = "Start a streaming flow from this savepoint instead of its latest one (repeatable; "
          + "PATH alone when the pipeline has one streaming flow).")
  List<String> fromSavepoint = List.of();

  @Option(names = "--no-restore",
      description = "Start streaming flows without their saved state: sources start from their start positions "
          + "and tables keep their rows (add --full-refresh to clear them too).")
  boolean noRestore;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LoadedPipeline loaded = pipeline.load();
    if (loaded.hasErrors()) {
      ProblemPrinter.text(ValidateCommand.sort(loaded.problems()), out);
      return 1;
    }
    if (continuous && triggered) {
      throw new ParameterException(spec.commandLine(), "Cannot use --continuous and --triggered together: pick one.");
    }
    PipelineSpec pipelineSpec = loaded.spec();
    if (continuous || triggered) {
      pipelineSpec = pipelineSpec.withMode(continuous ? ExecutionMode.CONTINUOUS : ExecutionMode.TRIGGERED);
    }
    Configuration config = EngineConfig.of(pipelineSpec);
    if (parallelism != null) {
      config = EngineConfig.with(config, Map.of(CoreOptions.DEFAULT_PARALLELISM.key(), String.valueOf(parallelism)));
    }
    int perJob = config.get(CoreOptions.DEFAULT_PARALLELISM);
    RunOptions options = new RunOptions(Set.copyOf(refresh), Set.copyOf(new LinkedHashSet<>(fullRefresh)), fullRefreshAll)
        .withRestore(SavepointArgs.parse(fromSavepoint, loaded.graph(), spec.commandLine()), noRestore);
    boolean live = pipelineSpec.mode() == ExecutionMode.CONTINUOUS;
    out.printf("Running pipeline '%s' from %s%s%n", pipelineSpec.name(), pipelineSpec.folder(),
        live ? " continuously (stop with Ctrl-C or 'sluice stop " + pipeline.folder + "')" : "");
    out.flush();
    int slots = live ? perJob * (loaded.graph().flows().size() + 1) : Math.max(4, perJob * 3);
    try (EmbeddedCluster cluster = EmbeddedCluster.start(slots, EngineConfig.cluster(pipelineSpec))) {
      UpdateResult result = live
          ? runContinuously(cluster, pipelineSpec, loaded, config, options, out)
          : new UpdateRunner(cluster, new ConsoleProgress(out), config)
              .run(pipelineSpec, loaded.graph(), loaded.problems(), options);
      if (result.succeeded()) {
        out.printf("Tables are under %s%n", pipelineSpec.storage().resolve("tables"));
      }
      out.flush();
      return result.succeeded() ? 0 : 1;
    }
  }

  /** Runs until a stop request: {@code sluice stop}, Ctrl-C or SIGTERM. */
  private static UpdateResult runContinuously(EmbeddedCluster cluster, PipelineSpec pipelineSpec, LoadedPipeline loaded,
      Configuration config, RunOptions options, PrintWriter out) {
    StopSignal stop = new StopSignal(new StorageLayout(pipelineSpec.storage()));
    StopOnSignals.install(stop, out);
    return new ContinuousRunner(cluster, new LiveProgress(out, LiveProgress.terminal()), config)
        .run(pipelineSpec, loaded.graph(), loaded.problems(), options, stop);
  }
}
