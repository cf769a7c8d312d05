package io.sluice.bench.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * An unbounded job submitted to the {@link BenchCluster}: waited on until its first checkpoint
 * completed (every task runs) and until a file appears, then stopped with a savepoint, as
 * {@code flink stop} does, so that its sinks commit what they hold.
 */
final class RunningJob {
  private static final long POLL_MILLIS = 100;
  private final MiniCluster cluster;
  private final JobID id;

  RunningJob(MiniCluster cluster, JobID id) {
    this.cluster = cluster;
    this.id = id;
  }

  /** Returns once a checkpoint has completed; fails if the job ends or the time runs out first. */
  void awaitFirstCheckpoint(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      AccessExecutionGraph graph = cluster.getExecutionGraph(id).get();
      failIfEnded(graph.getState());
      CheckpointStatsSnapshot stats = graph.getCheckpointStatsSnapshot();
      if (stats != null && stats.getCounts().getNumberOfCompletedCheckpoints() > 0) {
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException("Cannot start job " + id + ": no checkpoint completed within "
        + timeout.toSeconds() + " s. See the log file for the job's failures.");
  }

  /** Returns once {@code file} exists; fails if the job ends before. */
  void awaitFile(Path file) throws Exception {
    while (!Files.exists(file)) {
      failIfEnded(cluster.getJobStatus(id).get());
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Stops the job with a savepoint into {@code directory}; returns the savepoint's path. */
  String stopWithSavepoint(Path directory) throws Exception {
    return cluster.stopWithSavepoint(id, Paths.uri(directory.toString()), false,
        SavepointFormatType.CANONICAL).get();
  }

  /** The ended job's result with its accumulators; throws its failure if it failed. */
  JobExecutionResult result() throws Exception {
    return cluster.requestJobResult(id).get()
        .toJobExecutionResult(RunningJob.class.getClassLoader());
  }

  private void failIfEnded(JobStatus status) throws Exception {
    if (status.isGloballyTerminalState()) {
      result(); // throws the job's failure, if it has one
      throw new IllegalStateException("Cannot go on: job " + id + " ended early (" + status + ")");
    }
  }
}
