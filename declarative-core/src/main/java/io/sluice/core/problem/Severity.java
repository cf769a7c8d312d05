package io.sluice.core.problem;

/** How bad a problem is: errors stop a run, warnings are reported and the run goes on. */
public enum Severity {
  ERROR,
  WARNING
}
