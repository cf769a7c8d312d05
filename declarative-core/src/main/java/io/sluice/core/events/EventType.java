package io.sluice.core.events;

import java.util.Locale;

/** The kinds of event in a pipeline's event log (SEMANTICS §5), named as users query them. */
public enum EventType {
  /** An update was created: cause, refresh selection, full-refresh flags. */
  CREATE_UPDATE,
  /** An update changed state: QUEUED, INITIALIZING, SETTING_UP_TABLES, RUNNING, COMPLETED, FAILED. */
  UPDATE_PROGRESS,
  /** A flow as planned: output dataset, input datasets (the lineage), flow type, schema. */
  FLOW_DEFINITION,
  /** A flow's status, with its metrics and data quality. */
  FLOW_PROGRESS,
  /** How a materialized view was refreshed, and why. */
  PLANNING_INFORMATION,
  /** Who started, stopped or changed what. */
  USER_ACTION;

  /** The name in the log: {@code flow_progress}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventType fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
