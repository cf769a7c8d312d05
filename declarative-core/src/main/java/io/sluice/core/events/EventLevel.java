package io.sluice.core.events;

/** How important an event is. METRICS marks progress events that carry numbers. */
public enum EventLevel {
  INFO,
  WARN,
  ERROR,
  METRICS
}
