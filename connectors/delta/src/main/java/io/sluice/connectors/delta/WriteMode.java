package io.sluice.connectors.delta;

/** How a {@link DeltaSink} changes its table. */
public enum WriteMode {
  /**
   * Adds the rows to the table, one commit per completed checkpoint (streaming jobs) or one commit
   * at the end of the input (jobs without checkpoints). The table must exist.
   */
  APPEND,
  /**
   * Replaces the table's whole content, schema and partitioning with the rows, in one commit at
   * the end of a bounded input; creates the table if it does not exist. Only for jobs without
   * checkpoints, such as BATCH runtime mode.
   */
  OVERWRITE,
  /**
   * Keeps the table equal to a changelog (+I/+U add one occurrence of a row, -U/-D remove one):
   * at every completed checkpoint in which the rows changed, the table's content is replaced by
   * the rows as of that checkpoint, in one idempotent commit. For materialized views maintained
   * by a STREAMING job with checkpointing; the table must exist. See {@link
   * DeltaSnapshotWriterOperator} and {@link DeltaSnapshotCommitterOperator}.
   */
  SNAPSHOT
}
