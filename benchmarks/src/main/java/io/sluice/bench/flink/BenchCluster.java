package io.sluice.bench.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink MiniCluster in this process with {@value #PARALLELISM} slots, started before a workload
 * so that its start-up is not timed, and the environments the workloads build their jobs in.
 * Memory as Sluice's embedded cluster (256 MB managed, 64 MB network), so both engines run on the
 * same footing.
 */
final class BenchCluster implements AutoCloseable {
  static final int PARALLELISM = 2;
  private static final Logger LOG = LoggerFactory.getLogger(BenchCluster.class);

  private final MiniCluster cluster;

  private BenchCluster(MiniCluster cluster) {
    this.cluster = cluster;
  }

  static BenchCluster start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
    conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
    conf.set(RestOptions.BIND_PORT, "0"); // any free port: two clusters on one machine do not collide
    // Hadoop's shutdown hook reads its configuration through a task's class loader at exit
    conf.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(conf)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(PARALLELISM)
        .build());
    cluster.start();
    return new BenchCluster(cluster);
  }

  /** A bounded job's environment: BATCH runtime mode, object reuse, parallelism 2. */
  static StreamExecutionEnvironment batchEnvironment() {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(PARALLELISM);
    return env;
  }

  /**
   * Runs the job built in {@code env} to its end; the time is taken from {@code started} (the
   * workload's {@code System.nanoTime()} before it built the job, so planning counts, as it does
   * for Sluice and Spark) to the return (the sinks' commits included).
   */
  TimedRun execute(StreamExecutionEnvironment env, String name, long started) throws Exception {
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(name);
    JobGraph job = graph.getJobGraph();
    for (JobVertex vertex : job.getVertices()) {
      LOG.info("{}: {} (parallelism {})", name, vertex.getName(), vertex.getParallelism());
    }
    JobExecutionResult result = cluster.executeJobBlocking(job);
    return new TimedRun(result, (System.nanoTime() - started) / 1e9);
  }

  /** Submits the unbounded job built in {@code env} and returns without waiting for it. */
  RunningJob submit(StreamExecutionEnvironment env, String name) throws Exception {
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(name);
    return new RunningJob(cluster, cluster.submitJob(graph.getJobGraph()).get().getJobID());
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }

  /** A finished job's result (accumulators) and its wall time in seconds. */
  record TimedRun(JobExecutionResult result, double seconds) {
    long counter(String accumulator) {
      Object value = result.getAccumulatorResult(accumulator);
      return value == null ? 0 : ((Number) value).longValue();
    }
  }
}
