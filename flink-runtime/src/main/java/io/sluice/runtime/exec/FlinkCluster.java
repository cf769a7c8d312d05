package io.sluice.runtime.exec;

import java.nio.file.Path;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;

/**
 * Where flow jobs run. The embedded MiniCluster is the default; the same calls map onto a remote
 * session cluster's REST API.
 */
public interface FlinkCluster extends AutoCloseable {

  JobID submit(JobGraph job) throws Exception;

  JobStatus status(JobID job) throws Exception;

  /**
   * The id of the newest checkpoint the job has triggered (completed or not), counting the one it
   * was restored from; -1 if none.
   */
  long latestCheckpointId(JobID job) throws Exception;

  /** The job's status, current accumulators, newest completed checkpoint and newest failure. */
  JobSnapshot snapshot(JobID job) throws Exception;

  /** Stops the job with a savepoint without draining (windows and timers are not fired). */
  String stopWithSavepoint(JobID job, Path directory) throws Exception;

  /** Waits for the job to end and returns its result (accumulators, failure). */
  JobResult result(JobID job) throws Exception;

  void cancel(JobID job) throws Exception;

  /** Slots available to run flow jobs at the same time. */
  int slots();
}
