package io.sluice.core.events;

import java.util.Objects;
import java.util.Optional;

/** Where an event comes from: pipeline, update, and for flow events the flow and its dataset. */
public record EventOrigin(String pipeline, String updateId, Optional<String> flow, Optional<String> dataset) {

  public EventOrigin {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(updateId, "updateId");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(dataset, "dataset");
  }

  public static EventOrigin ofUpdate(String pipeline, String updateId) {
    return new EventOrigin(pipeline, updateId, Optional.empty(), Optional.empty());
  }

  public EventOrigin forFlow(String flow, String dataset) {
    return new EventOrigin(pipeline, updateId, Optional.of(flow), Optional.of(dataset));
  }
}
