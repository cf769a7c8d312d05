package io.sluice.core.model;

/** The kinds of dataset, as users name them in SQL and YAML. */
public enum DatasetKind {
  STREAMING_TABLE("streaming table"),
  MATERIALIZED_VIEW("materialized view"),
  TEMPORARY_VIEW("temporary view"),
  SINK("sink");

  private final String label;

  DatasetKind(String label) {
    this.label = label;
  }

  /** Lower-case words, for messages. */
  public String label() {
    return label;
  }

  /** Whether the dataset is stored as a table under the pipeline's storage root. */
  public boolean isPersisted() {
    return this == STREAMING_TABLE || this == MATERIALIZED_VIEW;
  }
}
