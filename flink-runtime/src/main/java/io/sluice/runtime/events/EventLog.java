package io.sluice.runtime.events;

import io.sluice.core.events.EventError;
import io.sluice.core.events.EventFactory;
import io.sluice.core.events.PipelineEvent;
import io.sluice.core.model.Reference;
import io.sluice.core.problem.DefinitionException;
import io.sluice.core.problem.Problem;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.exec.DatasetQuality;
import io.sluice.runtime.exec.FlowProgress;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.TranslatedFlow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an update's events: each one to the JSON-lines log as it happens, and to the event log
 * table in one commit when the update ends; a continuous update also commits what it has at its
 * checkpoints, at most every {@link #TABLE_FLUSH_INTERVAL}.
 */
public final class EventLog implements UpdateListener {
  private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELED");

  private final String pipeline;
  private final EventLogFiles files;
  private final EventLogTable table;
  static final java.time.Duration TABLE_FLUSH_INTERVAL = java.time.Duration.ofSeconds(10);

  private final List<PipelineEvent> events = new ArrayList<>();
  private EventFactory factory;
  private java.time.Instant flushed = java.time.Instant.now();
  private String updateId = "";

  private EventLog(String pipeline, StorageLayout layout) {
    this.pipeline = pipeline;
    this.files = new EventLogFiles(layout);
    this.table = new EventLogTable(layout);
  }

  public static EventLog of(PipelineSpec spec) {
    return new EventLog(spec.name(), new StorageLayout(spec.storage()));
  }

  @Override
  public synchronized void updateCreated(String updateId, RunOptions options) {
    this.updateId = updateId;
    factory = new EventFactory(pipeline, updateId, files.lastSequence() + 1, Clock.systemUTC());
    emit(factory.createUpdate("USER_ACTION", List.copyOf(options.refresh()), List.copyOf(options.fullRefresh()),
        options.fullRefreshAll()));
    emit(factory.userAction("START", System.getProperty("user.name", "unknown")));
  }

  @Override
  public synchronized void updateState(String updateId, String state) {
    if (!TERMINAL.contains(state)) {
      emit(factory.updateProgress(state, Optional.empty()));
    }
  }

  @Override
  public synchronized void flowDefined(TranslatedFlow flow) {
    List<String> inputs = new ArrayList<>();
    for (Reference r : flow.plan().flow().query().references()) {
      String name = r.isDataset() ? r.name() : r.kind().name().toLowerCase() + ":" + r.name();
      if (!inputs.contains(name)) {
        inputs.add(name);
      }
    }
    List<Map<String, Object>> schema = new ArrayList<>();
    flow.schema().getFields().forEach(f -> schema.add(Map.of("name", f.getName(),
        "type", f.getType().asSummaryString(), "nullable", f.getType().isNullable())));
    emit(factory.flowDefinition(flow.plan().name(), flow.plan().target().name(), flow.plan().kind().name(),
        inputs, schema));
  }

  @Override
  public synchronized void flowStarted(String flow, String target, String kind) {
    emit(factory.flowProgress(flow, target, "RUNNING", Map.of(), Optional.empty(), Optional.empty()));
  }

  @Override
  public synchronized void planning(String flow, String dataset, String technique, String reason) {
    emit(factory.planningInformation(flow, dataset, technique, reason));
  }

  @Override
  public synchronized void flowFinished(FlowResult r) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("num_input_rows", r.rowsRead());
    metrics.put("num_output_rows", r.rowsWritten());
    if (r.kind() == io.sluice.runtime.plan.FlowKind.CHANGE) {
      metrics.put("num_upserted_rows", r.changes().upserted());
      metrics.put("num_deleted_rows", r.changes().deleted());
    }
    metrics.put("duration_ms", r.duration().toMillis());
    emit(factory.flowProgress(r.flow(), r.target(), r.status().name(), metrics, quality(r.quality()),
        r.error().map(EventError::of)));
  }

  /** A continuous flow's progress at a completed checkpoint: what it read, wrote and found. */
  @Override
  public synchronized void flowProgress(FlowProgress p, boolean checkpointed) {
    if (!checkpointed) {
      return;
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("num_input_rows", p.rowsRead());
    metrics.put("num_output_rows", p.rowsWritten());
    metrics.put("input_rows_per_second", Math.round(p.readRate()));
    metrics.put("output_rows_per_second", Math.round(p.writeRate()));
    p.lastCheckpoint().ifPresent(c -> metrics.put("checkpoint_id", c.id()));
    p.watermark().ifPresent(w -> metrics.put("watermark", w.toString()));
    p.pendingRecords().ifPresent(n -> metrics.put("backlog_records", n));
    p.pendingFiles().ifPresent(n -> metrics.put("backlog_files", n));
    metrics.put("restarts", p.restarts());
    emit(factory.flowProgress(p.flow(), p.target(), "RUNNING", metrics, quality(p.quality()), Optional.empty()));
    if (java.time.Duration.between(flushed, java.time.Instant.now()).compareTo(TABLE_FLUSH_INTERVAL) >= 0) {
      flush(updateId);
    }
  }

  @Override
  public synchronized void flowRestarting(String flow, String target, Throwable error) {
    emit(factory.flowProgress(flow, target, "RESTARTING", Map.of(), Optional.empty(), Optional.of(EventError.of(error))));
  }

  @Override
  public synchronized void updateFinished(UpdateResult result) {
    emit(factory.updateProgress(result.state(), error(result)));
    flush(result.updateId());
  }

  /** Commits the events not yet in the table; the JSON-lines log has them in any case. */
  private void flush(String update) {
    flushed = java.time.Instant.now();
    if (events.isEmpty()) {
      return;
    }
    try {
      table.append(events);
      events.clear();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(EventLog.class)
          .warn("Cannot append events of update {} to the event log table; the JSON-lines log has them", update, e);
    }
  }

  private void emit(PipelineEvent e) {
    events.add(e);
    files.append(e);
  }

  private static Optional<EventError> error(UpdateResult result) {
    List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      return Optional.of(EventError.of(new DefinitionException(errors)));
    }
    return result.flows().stream().filter(FlowResult::failed).findFirst()
        .flatMap(FlowResult::error).map(EventError::of);
  }

  /** DLT's data_quality: dropped and quarantined records, and per expectation its counts. */
  static Optional<Map<String, Object>> quality(List<DatasetQuality> quality) {
    if (quality.isEmpty()) {
      return Optional.empty();
    }
    long dropped = 0;
    long quarantined = 0;
    long in = 0;
    List<Map<String, Object>> expectations = new ArrayList<>();
    for (DatasetQuality q : quality) {
      dropped += q.rowsDropped();
      quarantined += q.rowsQuarantined();
      in += q.rowsIn();
      for (DatasetQuality.CheckResult c : q.checks()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", c.name());
        e.put("dataset", q.dataset());
        e.put("action", c.action().name());
        e.put("passed_records", c.passed());
        e.put("failed_records", c.failed());
        expectations.add(e);
      }
    }
    Map<String, Object> dq = new LinkedHashMap<>();
    dq.put("input_records", in);
    dq.put("dropped_records", dropped);
    dq.put("quarantined_records", quarantined);
    dq.put("expectations", expectations);
    return Optional.of(dq);
  }
}
