package io.sluice.cli;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.runtime.exec.ActiveRun;
import io.sluice.runtime.exec.StopSignal;
import io.sluice.runtime.storage.StorageLayout;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sluice stop DIR}: asks the pipeline's continuous run to stop with savepoints, and waits. */
@Command(name = "stop", mixinStandardHelpOptions = true,
    description = "Stop the continuous run of a pipeline: every flow stops with a savepoint, and the next "
        + "'sluice run' resumes from there.")
final class StopCommand implements Callable<Integer> {
  @Mixin PipelineArgs pipeline;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the run to end (default 300).")
  long timeoutSeconds = 300;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LoadedPipeline loaded = pipeline.load();
    StorageLayout layout = new StorageLayout(loaded.spec().storage());
    Optional<Long> pid = ActiveRun.find(layout);
    if (pid.isEmpty()) {
      out.printf("No continuous run of pipeline '%s' is active (nothing to stop).%n", loaded.spec().name());
      out.flush();
      return 1;
    }
    StopSignal.requestFile(layout);
    out.printf("Asked the run of '%s' (process %d) to stop; waiting for its savepoints...%n", loaded.spec().name(), pid.get());
    out.flush();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(timeoutSeconds));
    while (ActiveRun.find(layout).isPresent()) {
      if (Instant.now().isAfter(deadline)) {
        out.printf("The run is still stopping after %d s; it goes on in process %d.%n", timeoutSeconds, pid.get());
        out.flush();
        return 1;
      }
      Thread.sleep(200);
    }
    out.println("Stopped. 'sluice run' resumes from the savepoints.");
    out.flush();
    return 0;
  }
}
