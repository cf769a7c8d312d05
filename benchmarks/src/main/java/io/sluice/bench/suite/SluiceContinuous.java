package io.sluice.bench.suite;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import io.sluice.core.spec.ExecutionMode;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.exec.ContinuousRunner;
import io.sluice.runtime.exec.EmbeddedCluster;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.exec.FlowProgress;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.StopSignal;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.storage.StorageLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * W5 on Sluice: the pipeline folder run as {@code sluice run --continuous} would. Prints
 * {@code READY} once every flow's job has completed a checkpoint (every task runs); the contract's
 * stop file {@code <stateDir>/stop} is turned into the run's {@link StopSignal} (which stops every
 * flow with a savepoint). {@code records} = rows the table's flow read; {@code seconds} = from
 * READY to the end of the run.
 */
final class SluiceContinuous implements UpdateListener {
  private static final long POLL_MILLIS = 100;
  private final Set<String> started = new HashSet<>();
  private final Set<String> checkpointed = new HashSet<>();
  private boolean ready;
  private long readyAt;

  private SluiceContinuous() {}

  static ResultLine run(Path folder, SluiceWorkload w) throws Exception {
    LoadedPipeline p = PipelineLoader.load(folder, Map.of());
    if (p.hasErrors()) {
      throw new IllegalStateException("Cannot run " + folder + ": " + p.problems());
    }
    PipelineSpec spec = p.spec().withMode(ExecutionMode.CONTINUOUS);
    StopSignal stop = new StopSignal(new StorageLayout(spec.storage()));
    SluiceContinuous listener = new SluiceContinuous();
    CountDownLatch ended = new CountDownLatch(1);
    Thread stopFile = new Thread(() -> forward(folder.resolve("stop"), stop, ended), "stop-file");
    stopFile.setDaemon(true);
    stopFile.start();
    UpdateResult r;
    try (EmbeddedCluster cluster = EmbeddedCluster.start(4, EngineConfig.cluster(spec))) {
      r = new ContinuousRunner(cluster, listener, EngineConfig.of(spec))
          .run(spec, p.graph(), p.problems(), RunOptions.ALL, stop);
    } finally {
      ended.countDown();
    }
    if (!r.succeeded() || !listener.ready()) {
      throw new IllegalStateException("Cannot run W5: the continuous run ended " + r.state()
          + (listener.ready() ? "" : " before it was ready") + ": " + r);
    }
    double seconds = (System.nanoTime() - listener.readyAt) / 1e9;
    FlowResult flow = r.flows().stream().filter(f -> f.target().equals(w.dataset())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no flow wrote " + w.dataset() + ": " + r));
    return new ResultLine("sluice", w.workload(), flow.rowsRead(), seconds, ResultLine.peakRss("self"), null);
  }

  /** Requests the stop once {@code file} exists, or returns when the run ended first. */
  private static void forward(Path file, StopSignal stop, CountDownLatch ended) {
    try {
      while (!Files.exists(file)) {
        if (ended.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
      stop.request();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void flowStarted(String flow, String target, String kind) {
    started.add(flow);
  }

  @Override
  public synchronized void flowProgress(FlowProgress progress, boolean isCheckpointed) {
    if (progress.lastCheckpoint().isPresent()) {
      checkpointed.add(progress.flow());
    }
    if (!ready && !started.isEmpty() && checkpointed.containsAll(started)) {
      ready = true;
      readyAt = System.nanoTime();
      System.out.println("READY");
      System.out.flush();
    }
  }

  private synchronized boolean ready() {
    return ready;
  }
}
