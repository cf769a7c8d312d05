package io.sluice.cli;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The pipeline folder and configuration overrides, shared by the commands that read a pipeline. */
final class PipelineArgs {
  @Parameters(index = "0", paramLabel = "DIR", description = "The pipeline folder (with pipeline.yaml).")
  Path folder;

  @Option(names = {"-c", "--conf"}, paramLabel = "KEY=VALUE",
      description = "Override a configuration value used for ${KEY} (repeatable).")
  Map<String, String> configuration = new LinkedHashMap<>();

  LoadedPipeline load() {
    return PipelineLoader.load(folder, configuration);
  }
}
