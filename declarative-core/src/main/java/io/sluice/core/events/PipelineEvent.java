package io.sluice.core.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a pipeline's event log.
 *
 * @param id unique id
 * @param sequence position in the pipeline's log, increasing across updates
 * @param details event-specific data as JSON-like values (maps, lists, strings, numbers,
 *     booleans, null)
 */
public record PipelineEvent(
    String id,
    long sequence,
    Instant timestamp,
    EventLevel level,
    EventType type,
    String message,
    EventOrigin origin,
    Map<String, Object> details,
    Optional<EventError> error) {

  public PipelineEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(origin, "origin");
    details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    Objects.requireNonNull(error, "error");
  }
}
