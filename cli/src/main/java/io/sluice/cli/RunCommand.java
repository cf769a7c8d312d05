package io.sluice.cli;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.runtime.exec.EmbeddedCluster;
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
import picocli.CommandLine.Spec;

/** {@code sluice run DIR}: one triggered update on an embedded Flink cluster. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run an update: process what is new in every input, then stop.")
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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LoadedPipeline loaded = pipeline.load();
    if (loaded.hasErrors()) {
      ProblemPrinter.text(ValidateCommand.sort(loaded.problems()), out);
      return 1;
    }
    Configuration config = EngineConfig.of(loaded.spec());
    if (parallelism != null) {
      config = EngineConfig.with(config, Map.of(CoreOptions.DEFAULT_PARALLELISM.key(), String.valueOf(parallelism)));
    }
    int perJob = config.get(CoreOptions.DEFAULT_PARALLELISM);
    RunOptions options = new RunOptions(Set.copyOf(refresh), Set.copyOf(new LinkedHashSet<>(fullRefresh)), fullRefreshAll);
    out.printf("Running pipeline '%s' from %s%n", loaded.spec().name(), loaded.spec().folder());
    if (loaded.spec().mode() == io.sluice.core.spec.ExecutionMode.CONTINUOUS) {
      out.println("note: continuous mode is not available in this version; running one triggered update.");
    }
    out.flush();
    try (EmbeddedCluster cluster = EmbeddedCluster.start(Math.max(4, perJob * 3), EngineConfig.cluster(loaded.spec()))) {
      UpdateResult result = new UpdateRunner(cluster, new ConsoleProgress(out), config)
          .run(loaded.spec(), loaded.graph(), loaded.problems(), options);
      if (result.succeeded()) {
        out.printf("Tables are under %s%n", loaded.spec().storage().resolve("tables"));
      }
      out.flush();
      return result.succeeded() ? 0 : 1;
    }
  }
}
