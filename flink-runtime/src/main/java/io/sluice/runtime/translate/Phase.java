package io.sluice.runtime.translate;

/** Why flows are translated. */
public enum Phase {
  /** To check the pipeline: nothing is read, written or remembered. */
  VALIDATE,
  /** To plan a run: schemas are learned and remembered (inferred file schemas), no job is built. */
  SETUP,
  /** To run: jobs with sources, sinks and catch-up markers are built. */
  RUN;

  public boolean remembers() {
    return this != VALIDATE;
  }
}
