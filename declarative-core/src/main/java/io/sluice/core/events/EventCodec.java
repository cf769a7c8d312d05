package io.sluice.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one JSON form of events, versioned ({@code "format": 1}): what the JSON-lines log holds,
 * what the event log table's {@code details} and {@code error} columns hold, and what every reader
 * (the CLI, the quality dashboard export) parses. A reader refuses formats it does not know.
 */
public final class EventCodec {
  public static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private EventCodec() {}

  public static String toJson(PipelineEvent e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("format", FORMAT);
    n.put("id", e.id());
    n.put("sequence", e.sequence());
    n.put("timestamp", e.timestamp().toString());
    n.put("level", e.level().name());
    n.put("event_type", e.type().id());
    n.put("message", e.message());
    ObjectNode origin = n.putObject("origin");
    origin.put("pipeline_name", e.origin().pipeline());
    origin.put("update_id", e.origin().updateId());
    e.origin().flow().ifPresent(f -> origin.put("flow_name", f));
    e.origin().dataset().ifPresent(d -> origin.put("dataset_name", d));
    n.set("details", JSON.valueToTree(e.details()));
    e.error().ifPresent(err -> n.set("error", JSON.valueToTree(errorMap(err))));
    return write(n);
  }

  public static PipelineEvent fromJson(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot read event: not JSON (" + e.getOriginalMessage() + ")", e);
    }
    int format = n.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IllegalArgumentException("Cannot read event: format " + format
          + " is not supported by this version of Sluice (reads format " + FORMAT + ")");
    }
    JsonNode o = n.path("origin");
    EventOrigin origin = new EventOrigin(o.path("pipeline_name").asText(), o.path("update_id").asText(),
        optional(o, "flow_name"), optional(o, "dataset_name"));
    Optional<EventError> error = n.hasNonNull("error")
        ? Optional.of(new EventError(n.get("error").path("message").asText(), causes(n.get("error"))))
        : Optional.empty();
    return new PipelineEvent(n.path("id").asText(), n.path("sequence").asLong(),
        Instant.parse(n.path("timestamp").asText()), EventLevel.valueOf(n.path("level").asText()),
        EventType.fromId(n.path("event_type").asText()), n.path("message").asText(), origin,
        JSON.convertValue(n.path("details"), MAP), error);
  }

  /** The details alone as JSON, for the event log table's {@code details} column. */
  public static String detailsJson(PipelineEvent e) {
    return write(JSON.valueToTree(e.details()));
  }

  /** The error alone as JSON ({@code message}, {@code causes}), for the table's {@code error} column. */
  public static Optional<String> errorJson(PipelineEvent e) {
    return e.error().map(err -> write(JSON.valueToTree(errorMap(err))));
  }

  private static Map<String, Object> errorMap(EventError err) {
    return Map.of("message", err.message(), "causes", err.causes());
  }

  private static List<String> causes(JsonNode error) {
    List<String> causes = new ArrayList<>();
    error.path("causes").forEach(c -> causes.add(c.asText()));
    return causes;
  }

  private static Optional<String> optional(JsonNode n, String field) {
    return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
  }

  private static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
