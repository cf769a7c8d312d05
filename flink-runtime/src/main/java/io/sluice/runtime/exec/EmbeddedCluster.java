package io.sluice.runtime.exec;

import io.sluice.runtime.storage.StorageLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.util.OptionalFailure;
import org.apache.flink.util.SerializedValue;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink MiniCluster in this process, started once per command and shared by all the flow jobs
 * of an update (a cluster start costs seconds; a job on a running cluster much less).
 */
public final class EmbeddedCluster implements FlinkCluster {
  private final MiniCluster cluster;
  private final int slots;
  private int crashed;

  private EmbeddedCluster(MiniCluster cluster, int slots) {
    this.cluster = cluster;
    this.slots = slots;
  }

  /** Starts a cluster with the given number of task slots and optional configuration overrides. */
  public static EmbeddedCluster start(int slots, Configuration overrides) throws Exception {
    Configuration conf = new Configuration();
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
    conf.set(RestOptions.BIND_PORT, "0");
    // Tasks report accumulators (progress, expectation counts) with their heartbeats.
    conf.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(1));
    conf.setString("metrics.reporter." + SourceMetrics.REPORTER + ".factory.class", SourceMetrics.Factory.class.getName());
    conf.setString("metrics.reporter." + SourceMetrics.REPORTER + ".interval", "1 s");
    conf.addAll(overrides);
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(conf)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(slots)
        .build());
    cluster.start();
    return new EmbeddedCluster(cluster, slots);
  }

  @Override
  public JobID submit(JobGraph job) throws Exception {
    return cluster.submitJob(job).get().getJobID();
  }

  @Override
  public JobStatus status(JobID job) throws Exception {
    return cluster.getJobStatus(job).get();
  }

  @Override
  public long latestCheckpointId(JobID job) throws Exception {
    CheckpointStatsSnapshot stats = cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot();
    long latest = stats.getLatestRestoredCheckpoint() == null ? -1 : stats.getLatestRestoredCheckpoint().getCheckpointId();
    for (AbstractCheckpointStats c : stats.getHistory().getCheckpoints()) {
      latest = Math.max(latest, c.getCheckpointId());
    }
    return latest;
  }

  @Override
  public JobSnapshot snapshot(JobID job) throws Exception {
    AccessExecutionGraph graph = cluster.getExecutionGraph(job).get();
    Map<String, Object> accumulators = new HashMap<>();
    for (Map.Entry<String, SerializedValue<OptionalFailure<Object>>> e : graph.getAccumulatorsSerialized().entrySet()) {
      OptionalFailure<Object> v = e.getValue().deserializeValue(EmbeddedCluster.class.getClassLoader());
      if (v != null && !v.isFailure() && v.getUnchecked() != null) {
        accumulators.put(e.getKey(), v.getUnchecked());
      }
    }
    CheckpointStatsSnapshot stats = graph.getCheckpointStatsSnapshot();
    Optional<JobSnapshot.Checkpoint> checkpoint = Optional.empty();
    if (stats != null && stats.getHistory().getLatestCompletedCheckpoint() != null) {
      CompletedCheckpointStats c = stats.getHistory().getLatestCompletedCheckpoint();
      checkpoint = Optional.of(new JobSnapshot.Checkpoint(c.getCheckpointId(),
          Instant.ofEpochMilli(c.getLatestAckTimestamp())));
    }
    Optional<JobSnapshot.Failure> failure = Optional.ofNullable(graph.getFailureInfo()).map(f ->
        new JobSnapshot.Failure(Instant.ofEpochMilli(f.getTimestamp()),
            f.getException().deserializeError(EmbeddedCluster.class.getClassLoader())));
    return new JobSnapshot(graph.getState(), accumulators, checkpoint, failure);
  }

  @Override
  public String stopWithSavepoint(JobID job, Path directory) throws Exception {
    return cluster.stopWithSavepoint(job, StorageLayout.uri(directory), false, SavepointFormatType.CANONICAL).get();
  }

  @Override
  public JobResult result(JobID job) throws Exception {
    return cluster.requestJobResult(job).get();
  }

  @Override
  public void cancel(JobID job) throws Exception {
    cluster.cancelJob(job).get();
  }

  /**
   * Fault injection: stops the task manager that runs every task, without a savepoint, and starts
   * a new one. Running jobs fail and restart from their last checkpoint as their restart strategy
   * says (none in development mode).
   */
  public synchronized void crashTaskManager() throws Exception {
    // The cluster keeps stopped task managers in its list and appends new ones.
    cluster.terminateTaskManager(crashed++).get();
    cluster.startTaskManager();
  }

  @Override
  public int slots() {
    return slots;
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
