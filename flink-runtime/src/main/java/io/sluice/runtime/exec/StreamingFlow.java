package io.sluice.runtime.exec;

import io.sluice.core.model.Flow;
import io.sluice.runtime.plan.FlowKind;
import io.sluice.runtime.sink.TableSinks;
import io.sluice.runtime.state.FlowState;
import io.sluice.runtime.state.FlowStateStore;
import io.sluice.runtime.translate.TranslatedFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.clusterframework.ApplicationStatus;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;

/**
 * One flow running continuously: its job is started once (resuming from the flow's restore
 * point), watched while it runs, and stopped with a savepoint. Every completed checkpoint
 * publishes data. The state file names the running job from before it is submitted, so whatever
 * ends the process, the next run resumes from the job's newest retained checkpoint or savepoint.
 */
final class StreamingFlow {
  private final Flow flow;
  private final TranslatedFlow translated;
  private final FlinkCluster cluster;
  private final FlowJobRunner runner;
  private final FlowStateStore states;
  private final UpdateListener listener;
  private final FlowState state;
  private final CommittedRows committed;
  private final JobID job;
  private final Instant started = Instant.now();
  private Optional<Instant> lastFailure = Optional.empty();
  private long lastCheckpoint = -1;
  private int restarts;
  private FlowProgress last;

  private StreamingFlow(Flow flow, TranslatedFlow translated, FlinkCluster cluster, FlowJobRunner runner,
      FlowStateStore states, UpdateListener listener, FlowState state, CommittedRows committed, JobID job) {
    this.flow = flow;
    this.translated = translated;
    this.cluster = cluster;
    this.runner = runner;
    this.states = states;
    this.listener = listener;
    this.state = state;
    this.committed = committed;
    this.job = job;
  }

  static StreamingFlow start(FlowExecution.Translation t, CommittedRows committed, FlinkCluster cluster,
      FlowJobRunner runner, FlowStateStore states, UpdateListener listener) throws Exception {
    String name = t.flow().plan().name();
    JobGraph graph = FlowJobRunner.jobGraph(t.flow(), t.restore());
    FlowState running = t.state().running(graph.getJobID().toHexString());
    states.write(name, running);
    JobID id = cluster.submit(graph);
    Flow flow = t.flow().plan().flow();
    listener.flowStarted(name, flow.target(), t.flow().plan().kind().name());
    return new StreamingFlow(flow, t.flow(), cluster, runner, states, listener, running, committed, id);
  }

  String name() {
    return flow.name();
  }

  String target() {
    return flow.target();
  }

  FlowKind kind() {
    return translated.plan().kind();
  }

  /**
   * Looks at the job: reports a restart (a new failure while the job goes on), and progress.
   * Returns the flow's result once its job has ended on its own (failed, or all sources ended).
   */
  Optional<FlowResult> poll() throws Exception {
    JobSnapshot snap = cluster.snapshot(job);
    if (snap.failure().isPresent() && !snap.failure().map(JobSnapshot.Failure::at).equals(lastFailure)) {
      lastFailure = snap.failure().map(JobSnapshot.Failure::at);
      if (!snap.status().isGloballyTerminalState()) {
        restarts++;
        listener.flowRestarting(flow.name(), flow.target(), snap.failure().get().error());
      }
    }
    if (snap.status().isGloballyTerminalState()) {
      return Optional.of(ended(cluster.result(job), Optional.empty()));
    }
    long checkpoint = snap.lastCheckpoint().map(JobSnapshot.Checkpoint::id).orElse(-1L);
    boolean checkpointed = checkpoint > lastCheckpoint;
    lastCheckpoint = Math.max(lastCheckpoint, checkpoint);
    last = progress(snap);
    listener.flowProgress(last, checkpointed);
    return Optional.empty();
  }

  private FlowProgress progress(JobSnapshot snap) {
    SourceMetrics.Progress source = SourceMetrics.progress(job);
    Object counted = snap.accumulators().get(TableSinks.committedRowsAccumulator(translated.plan()));
    long written = committed.sinceStart(counted instanceof Number n ? n.longValue() : 0);
    Instant now = Instant.now();
    double seconds = last == null ? Duration.between(started, now).toMillis() / 1000.0
        : Duration.between(last.at(), now).toMillis() / 1000.0;
    long readBefore = last == null ? 0 : last.rowsRead();
    long writtenBefore = last == null ? 0 : last.rowsWritten();
    return new FlowProgress(flow.name(), flow.target(), now, source.rowsRead(), written,
        rate(source.rowsRead() - readBefore, seconds), rate(written - writtenBefore, seconds), source.watermark(),
        snap.lastCheckpoint(), source.pendingRecords(), source.pendingFiles(),
        qualitySoFar(snap.accumulators()), restarts);
  }

  /** Expectation counts so far; none until the tasks first report their accumulators. */
  private List<DatasetQuality> qualitySoFar(Map<String, Object> accumulators) {
    try {
      return Quality.perUpdate(translated.expectations(), accumulators, state.qualityBaseline());
    } catch (IllegalArgumentException notReportedYet) {
      return List.of();
    }
  }

  private static double rate(long rows, double seconds) {
    return seconds <= 0 ? 0 : Math.max(0, rows) / seconds;
  }

  /**
   * Stops the job with a savepoint, which publishes the last data; the next run resumes from it.
   * A job that cannot take one before the deadline (it keeps failing) is cancelled: its retained
   * checkpoints stay, and the next run resumes from the newest of them.
   */
  FlowResult stop(Duration deadline) throws Exception {
    Instant until = Instant.now().plus(deadline);
    Optional<String> savepoint = Optional.empty();
    while (savepoint.isEmpty() && Instant.now().isBefore(until)) {
      JobStatus status = cluster.status(job);
      if (status.isGloballyTerminalState()) {
        return ended(cluster.result(job), Optional.empty());
      }
      if (status == JobStatus.RUNNING) {
        try {
          savepoint = runner.tryStop(job, flow.name());
        } catch (java.util.concurrent.ExecutionException e) {
          if (cluster.status(job).isGloballyTerminalState()) {
            return ended(cluster.result(job), Optional.empty());
          }
          // a failure during the savepoint: the job restarts; try again
        }
      }
      if (savepoint.isEmpty()) {
        Thread.sleep(FlowJobRunner.POLL_MILLIS);
      }
    }
    if (savepoint.isEmpty()) {
      cluster.cancel(job);
    }
    return ended(cluster.result(job), savepoint);
  }

  /**
   * The flow's result once its job ended. After a stop with savepoint the state points at the
   * savepoint and the quality baseline moves on; otherwise the state keeps naming the job, so the
   * next run resumes from its newest retained checkpoint (never from an older point: data of later
   * checkpoints is already published).
   */
  private FlowResult ended(JobResult result, Optional<String> savepoint) throws Exception {
    String name = flow.name();
    Map<String, Object> accumulators = FlowJobRunner.accumulators(result);
    long read = SourceMetrics.rowsRead(job);
    SourceMetrics.forget(job);
    List<DatasetQuality> quality = Quality.perUpdate(translated.expectations(), accumulators, state.qualityBaseline());
    Duration took = Duration.between(started, Instant.now());
    boolean cancelled = result.getApplicationStatus() == ApplicationStatus.CANCELED;
    if (!cancelled && result.getSerializedThrowable().isPresent()) {
      Throwable error = result.getSerializedThrowable().get().deserializeError(StreamingFlow.class.getClassLoader());
      return new FlowResult(name, flow.target(), kind(), FlowStatus.FAILED, read,
          written(accumulators), took, quality, Optional.of(new FlowFailedException(name, error)));
    }
    if (savepoint.isPresent()) {
      FlowState next = states.readOrFresh(name).stopped(savepoint, translated.fingerprint())
          .withQualityBaseline(Quality.cumulative(translated.expectations(), accumulators));
      states.write(name, next);
      try {
        runner.cleanUp(name, job, next.restorePath());
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(StreamingFlow.class)
            .warn("Cannot remove old checkpoints or savepoints of flow {} (they are no longer needed)", name, e);
      }
    }
    FlowStatus status = savepoint.isPresent() || cancelled ? FlowStatus.STOPPED : FlowStatus.COMPLETED;
    return new FlowResult(name, flow.target(), kind(), status, read, written(accumulators), took,
        quality, Optional.empty(), FlowResult.ChangeCounts.of(accumulators));
  }

  private long written(Map<String, Object> accumulators) {
    Object counted = accumulators.get(TableSinks.committedRowsAccumulator(translated.plan()));
    return committed.sinceStart(counted instanceof Number n ? n.longValue() : 0);
  }
}
