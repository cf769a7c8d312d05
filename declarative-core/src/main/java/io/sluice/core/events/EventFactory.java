package io.sluice.core.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place events are made. Details follow DLT's event log: nested under the event type's
 * name ({@code details.flow_progress.data_quality.expectations}), so queries written for DLT's
 * event log read Sluice's with few changes.
 */
public final class EventFactory {
  private final EventOrigin origin;
  private final Clock clock;
  private long sequence;

  /** @param nextSequence the sequence number of the first event made (one past the log's last) */
  public EventFactory(String pipeline, String updateId, long nextSequence, Clock clock) {
    this.origin = EventOrigin.ofUpdate(pipeline, updateId);
    this.sequence = nextSequence;
    this.clock = clock;
  }

  public synchronized PipelineEvent createUpdate(String cause, List<String> refresh, List<String> fullRefresh,
      boolean fullRefreshAll) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cause", cause);
    d.put("full_refresh", fullRefreshAll);
    d.put("refresh_selection", refresh);
    d.put("full_refresh_selection", fullRefresh);
    d.put("validate_only", false);
    return make(EventLevel.INFO, EventType.CREATE_UPDATE, origin, "Update " + origin.updateId() + " started by " + cause, d,
        Optional.empty());
  }

  public synchronized PipelineEvent updateProgress(String state, Optional<EventError> error) {
    return make(error.isPresent() ? EventLevel.ERROR : EventLevel.INFO, EventType.UPDATE_PROGRESS, origin,
        "Update " + origin.updateId() + " is " + state, Map.of("state", state), error);
  }

  /**
   * @param schema one map per column: name, type, nullable
   */
  public synchronized PipelineEvent flowDefinition(String flow, String dataset, String flowType,
      List<String> inputs, List<Map<String, Object>> schema) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("output_dataset", dataset);
    d.put("input_datasets", inputs);
    d.put("flow_type", flowType);
    d.put("schema", schema);
    return make(EventLevel.INFO, EventType.FLOW_DEFINITION, origin.forFlow(flow, dataset),
        "Flow '" + flow + "' writes '" + dataset + "'" + (inputs.isEmpty() ? "" : " from " + String.join(", ", inputs)),
        d, Optional.empty());
  }

  /**
   * @param metrics numbers such as num_input_rows, num_output_rows
   * @param dataQuality dropped_records, quarantined_records and expectations (name, dataset,
   *     passed_records, failed_records), when the dataset has expectations
   */
  public synchronized PipelineEvent flowProgress(String flow, String dataset, String status,
      Map<String, Object> metrics, Optional<Map<String, Object>> dataQuality, Optional<EventError> error) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("status", status);
    d.put("metrics", metrics);
    dataQuality.ifPresent(q -> d.put("data_quality", q));
    EventLevel level = error.isPresent() ? EventLevel.ERROR : metrics.isEmpty() ? EventLevel.INFO : EventLevel.METRICS;
    return make(level, EventType.FLOW_PROGRESS, origin.forFlow(flow, dataset),
        "Flow '" + flow + "' is " + status, d, error);
  }

  public synchronized PipelineEvent planningInformation(String flow, String dataset, String technique, String reason) {
    return make(EventLevel.INFO, EventType.PLANNING_INFORMATION, origin.forFlow(flow, dataset),
        "Materialized view '" + dataset + "': " + technique + " (" + reason + ")",
        Map.of("technique", technique, "reason", reason), Optional.empty());
  }

  public synchronized PipelineEvent userAction(String action, String user) {
    return make(EventLevel.INFO, EventType.USER_ACTION, origin, "User " + user + " " + action.toLowerCase() + "ed the update",
        Map.of("action", action, "user_name", user), Optional.empty());
  }

  private PipelineEvent make(EventLevel level, EventType type, EventOrigin o, String message,
      Map<String, Object> details, Optional<EventError> error) {
    return new PipelineEvent(UUID.randomUUID().toString(), sequence++, clock.instant(), level, type, message, o,
        Map.of(type.id(), details), error);
  }
}
