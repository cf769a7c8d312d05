package io.sluice.core.spec;

/** Triggered runs process what is available and stop; continuous runs keep going until stopped. */
public enum ExecutionMode {
  TRIGGERED,
  CONTINUOUS
}
