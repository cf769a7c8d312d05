package io.sluice.runtime.exec;

import io.sluice.runtime.sink.TableSinks;
import io.sluice.runtime.state.FlowState;
import io.sluice.runtime.state.FlowStateStore;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.TranslatedFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.util.SerializedValue;

/**
 * Runs one flow's job on the cluster.
 *
 * <p>Incremental (triggered) runs follow the "available now" pattern: the job is the same
 * unbounded job continuous mode runs, restored from the flow's last savepoint; once every source
 * has marked that it caught up with what existed at the start, the job is stopped with a savepoint
 * (no drain), whose completion commits the last data. The state file names the running job before
 * it is submitted, so that after a crash the next run resumes from that job's newest retained
 * checkpoint.
 */
final class FlowJobRunner {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FlowJobRunner.class);
  static final long POLL_MILLIS = 100;

  private final FlinkCluster cluster;
  private final StorageLayout layout;
  private final FlowStateStore states;
  private final RestorePolicy restore;

  FlowJobRunner(FlinkCluster cluster, StorageLayout layout, FlowStateStore states, RestorePolicy restore) {
    this.cluster = cluster;
    this.layout = layout;
    this.states = states;
    this.restore = restore;
  }

  /** Where the flow resumes from in this update, if anywhere. */
  Optional<String> restorePoint(FlowState state, String flow) {
    return restore.restoreFor(state, layout, flow);
  }

  /** Result of a run: the savepoint it stopped with (if any) and the rows it committed. */
  record Outcome(Optional<String> savepoint, long rowsRead, long rowsWritten, Map<String, Object> accumulators) {}

  Outcome runIncremental(TranslatedFlow flow, FlowState state) throws Exception {
    return runIncremental(flow, state, io.sluice.runtime.sink.SinkTargets.commitsEachCheckpoint(flow.plan().target()));
  }

  /**
   * @param publishesEachCheckpoint whether the target makes data visible at every completed
   *     checkpoint even in a triggered run (a Kafka sink, an Iceberg table): then a failed run is
   *     resumed from its newest checkpoint, after what it published, instead of from the previous
   *     restore point
   */
  Outcome runIncremental(TranslatedFlow flow, FlowState state, boolean publishesEachCheckpoint) throws Exception {
    String name = flow.plan().name();
    Optional<String> restore = restorePoint(state, name);
    JobGraph job = jobGraph(flow, restore);
    states.write(name, state.running(job.getJobID().toHexString()));
    JobID id = cluster.submit(job);
    Optional<String> savepoint = Optional.empty();
    while (true) {
      JobStatus status = cluster.status(id);
      if (status.isGloballyTerminalState()) {
        break;
      }
      if (status == JobStatus.RUNNING && allMarked(flow)) {
        openGate(flow, id);
        Optional<String> stopped = tryStop(id, name);
        if (stopped.isPresent()) {
          savepoint = stopped;
          break;
        }
      }
      Thread.sleep(POLL_MILLIS);
    }
    JobResult result = cluster.result(id);
    if (result.getSerializedThrowable().isPresent() && !publishesEachCheckpoint) {
      // A failed run published nothing: the next run starts again from the previous restore point.
      states.write(name, states.readOrFresh(name).stopped(restore, flow.fingerprint()));
      FlowJobRunner.deleteTree(layout.checkpoints(name).resolve(id.toHexString()));
    }
    // A failed run into a Kafka sink or an Iceberg table committed its completed checkpoints: the
    // state keeps naming its job, so the next run resumes from the job's newest retained
    // checkpoint, right after what is visible (as after a crash), and repeats nothing.
    long rows = rowsCommitted(flow, result);
    long read = SourceMetrics.rowsRead(id);
    SourceMetrics.forget(id);
    FlowState next = states.readOrFresh(name).stopped(savepoint.or(() -> restore), flow.fingerprint());
    states.write(name, next);
    try {
      cleanUp(name, id, next.restorePath());
    } catch (RuntimeException e) {
      LOG.warn("Cannot remove old checkpoints or savepoints of flow {} (they are no longer needed)", name, e);
    }
    return new Outcome(savepoint, read, rows, accumulators(result));
  }

  /**
   * Lets the sinks publish from the next checkpoint on: every checkpoint triggered from now on
   * was triggered after all sources caught up, so its barrier follows all the run's data.
   */
  private void openGate(TranslatedFlow flow, JobID id) throws Exception {
    if (flow.publishGate().isPresent()) {
      flow.publishGate().get().openFrom(cluster.latestCheckpointId(id) + 1);
    }
  }

  /**
   * Stops the job with a savepoint, or returns empty when the job cannot take one yet: sources can
   * catch up before every downstream task is deployed, and a savepoint needs all of them running.
   */
  Optional<String> tryStop(JobID id, String flow) throws Exception {
    try {
      return Optional.of(cluster.stopWithSavepoint(id, layout.savepoints(flow)));
    } catch (java.util.concurrent.ExecutionException e) {
      if (cluster.status(id) == JobStatus.RUNNING && notAllRunning(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static boolean notAllRunning(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Not all required tasks are currently running") || m.contains("not running")) {
        return true;
      }
    }
    return false;
  }

  Outcome runBounded(TranslatedFlow flow) throws Exception {
    JobID id = cluster.submit(jobGraph(flow, Optional.empty()));
    JobResult result = cluster.result(id);
    long rows = rowsCommitted(flow, result);
    long read = SourceMetrics.rowsRead(id);
    SourceMetrics.forget(id);
    return new Outcome(Optional.empty(), read, rows, accumulators(result));
  }

  static JobGraph jobGraph(TranslatedFlow flow, Optional<String> restore) {
    JobGraph job = flow.env().orElseThrow().getStreamGraph().getJobGraph();
    job.setSavepointRestoreSettings(restore
        .map(p -> SavepointRestoreSettings.forPath(p, true))
        .orElse(SavepointRestoreSettings.none()));
    return job;
  }

  private static boolean allMarked(TranslatedFlow flow) {
    return !flow.markers().isEmpty() && flow.markers().stream().allMatch(Files::exists);
  }

  /** The job's result: its committed rows, or the job's failure as an exception. */
  static long rowsCommitted(TranslatedFlow flow, JobResult result) throws Exception {
    if (result.getSerializedThrowable().isPresent()) {
      throw new FlowFailedException(flow.plan().name(),
          result.getSerializedThrowable().get().deserializeError(FlowJobRunner.class.getClassLoader()));
    }
    SerializedValue<org.apache.flink.util.OptionalFailure<Object>> value =
        result.getAccumulatorResults().get(TableSinks.committedRowsAccumulator(flow.plan()));
    if (value == null) {
      return 0;
    }
    Object v = value.deserializeValue(FlowJobRunner.class.getClassLoader()).getUnchecked();
    return v instanceof Number n ? n.longValue() : 0;
  }

  /**
   * After a clean stop only the new restore point is needed: every retained checkpoint (of this
   * job, or of a crashed earlier one) and every other savepoint of the flow is removed.
   */
  void cleanUp(String flow, JobID job, Optional<String> current) {
    if (current.isEmpty() || !current.get().contains("/savepoints/")) {
      deleteTree(layout.checkpoints(flow).resolve(job.toHexString()));
      return;
    }
    deleteTree(layout.checkpoints(flow));
    Path keep = Path.of(java.net.URI.create(current.get())).normalize();
    try (Stream<Path> list = Files.exists(layout.savepoints(flow)) ? Files.list(layout.savepoints(flow)) : Stream.empty()) {
      for (Path p : list.toList()) {
        if (!p.normalize().equals(keep)) {
          deleteTree(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean up savepoints of " + flow, e);
    }
  }

  /** The job's final accumulator values (Flink reports them per job, summed over subtasks). */
  static Map<String, Object> accumulators(JobResult result) throws Exception {
    Map<String, Object> values = new java.util.HashMap<>();
    for (Map.Entry<String, SerializedValue<org.apache.flink.util.OptionalFailure<Object>>> e
        : result.getAccumulatorResults().entrySet()) {
      Object v = e.getValue().deserializeValue(FlowJobRunner.class.getClassLoader()).getUnchecked();
      if (v != null) {
        values.put(e.getKey(), v);
      }
    }
    return values;
  }

  /**
   * Deletes a folder tree. Files may vanish meanwhile (Flink removes subsumed checkpoints on its
   * own after a stop): that is not an error.
   */
  static void deleteTree(Path root) {
    for (int attempt = 0; attempt < 3 && Files.exists(root); attempt++) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (java.nio.file.NoSuchFileException | java.nio.file.DirectoryNotEmptyException e) {
        // raced with Flink's own clean-up: walk again
      } catch (IOException | UncheckedIOException e) {
        if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
          throw new UncheckedIOException("Cannot delete " + root, e instanceof IOException io ? io
              : ((UncheckedIOException) e).getCause());
        }
      }
    }
  }

}
