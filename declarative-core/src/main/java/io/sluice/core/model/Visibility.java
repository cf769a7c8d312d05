package io.sluice.core.model;

/** Whether a persisted dataset is published outside the pipeline ({@code CREATE PRIVATE ...}). */
public enum Visibility {
  PUBLIC,
  PRIVATE
}
