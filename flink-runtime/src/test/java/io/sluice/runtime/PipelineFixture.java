package io.sluice.runtime;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.exec.FlinkCluster;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.FlowStatus;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.exec.UpdateRunner;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.testing.DeltaReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;

/** A copy of a pipeline folder in a temporary directory, run on a shared cluster. */
final class PipelineFixture {
  final Path folder;
  private final FlinkCluster cluster;

  private PipelineFixture(Path folder, FlinkCluster cluster) {
    this.folder = folder;
    this.cluster = cluster;
  }

  /** Copies {@code source} (without its storage folder) to {@code into}. */
  static PipelineFixture copy(Path source, Path into, FlinkCluster cluster) {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path rel = source.relativize(p);
        if (rel.startsWith("storage")) {
          continue;
        }
        Path target = into.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PipelineFixture(into, cluster);
  }

  /** An empty pipeline folder; write its files with {@link #write}. */
  static PipelineFixture empty(Path folder, FlinkCluster cluster) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PipelineFixture(folder, cluster);
  }

  static Path example(String name) {
    return Path.of("..", "examples", name).toAbsolutePath().normalize();
  }

  LoadedPipeline load() {
    return PipelineLoader.load(folder, Map.of());
  }

  UpdateResult run(RunOptions options) {
    LoadedPipeline p = load();
    Configuration config = EngineConfig.of(p.spec());
    return new UpdateRunner(cluster, UpdateListener.NONE, config).run(p.spec(), p.graph(), p.problems(), options);
  }

  UpdateResult run() {
    return run(RunOptions.ALL);
  }

  /** Starts the pipeline in continuous mode in another thread; stop it with {@link Continuous#stop}. */
  Continuous startContinuous(RunOptions options, UpdateListener listener) {
    LoadedPipeline p = load();
    io.sluice.core.spec.PipelineSpec spec = p.spec().withMode(io.sluice.core.spec.ExecutionMode.CONTINUOUS);
    Configuration config = EngineConfig.of(spec);
    io.sluice.runtime.exec.StopSignal stop = new io.sluice.runtime.exec.StopSignal(
        new io.sluice.runtime.storage.StorageLayout(spec.storage()));
    java.util.concurrent.CompletableFuture<UpdateResult> result = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> new io.sluice.runtime.exec.ContinuousRunner(cluster, listener, config)
            .run(spec, p.graph(), p.problems(), options, stop));
    return new Continuous(stop, result);
  }

  /** A continuous run in progress. */
  record Continuous(io.sluice.runtime.exec.StopSignal signal,
      java.util.concurrent.CompletableFuture<UpdateResult> result) {
    /** Asks the run to stop and waits for it to end. */
    UpdateResult stop() throws Exception {
      signal.request();
      return result.get(3, java.util.concurrent.TimeUnit.MINUTES);
    }
  }

  DeltaReader table(String name) {
    return DeltaReader.of(folder.resolve("storage/tables").resolve(name));
  }

  void write(String relative, String content) {
    try {
      Files.createDirectories(folder.resolve(relative).getParent());
      Files.writeString(folder.resolve(relative), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void copyIn(String from, String to) {
    try {
      Files.copy(folder.resolve(from), folder.resolve(to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, FlowStatus> statuses(UpdateResult r) {
    return r.flows().stream().collect(Collectors.toMap(FlowResult::flow, FlowResult::status));
  }

  static Map<String, Long> rowsWritten(UpdateResult r) {
    return r.flows().stream().collect(Collectors.toMap(FlowResult::flow, FlowResult::rowsWritten));
  }
}
