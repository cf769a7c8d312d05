package io.sluice.testing.flink;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;

/** Waiting on jobs of a test MiniCluster. */
public final class TestJobs {
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private TestJobs() {}

  /**
   * Waits until every task of the job runs: a stop-with-savepoint fails while a task (say a
   * writer still opening its Delta table) is initializing, even if the sources have caught up.
   */
  public static void awaitAllTasksRunning(MiniCluster cluster, JobClient job) {
    await().atMost(TIMEOUT).until(() -> {
      for (AccessExecutionVertex vertex :
          cluster.getExecutionGraph(job.getJobID()).get().getAllExecutionVertices()) {
        if (vertex.getExecutionState() != ExecutionState.RUNNING) {
          return false;
        }
      }
      return true;
    });
  }

  /** Stops the running job with a canonical savepoint, without draining; returns its path. */
  public static String stop(MiniCluster cluster, JobClient job, String savepointDir) throws Exception {
    awaitAllTasksRunning(cluster, job);
    return job.stopWithSavepoint(false, savepointDir, SavepointFormatType.CANONICAL).get();
  }

  /** Cancels the job and waits until it has terminated. */
  public static void cancel(JobClient job) throws Exception {
    job.cancel().get();
    await().atMost(TIMEOUT).until(() -> job.getJobStatus().get().isTerminalState());
  }
}
