package io.sluice.runtime.plan;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.Flow;
import io.sluice.core.model.QueryFlow;

/** How a flow runs, decided once from the flow and its target. */
public enum FlowKind {
  /** Into a streaming table or sink: incremental, each input row once; state survives updates. */
  APPEND,
  /** {@code INSERT INTO ONCE}: a bounded backfill that runs once, and again on a full refresh. */
  ONCE,
  /** Into a materialized view: the query over the current inputs replaces the content. */
  COMPLETE,
  /**
   * Into a materialized view maintained incrementally (continuous runs, append-only inputs): a
   * streaming job keeps the query's result from its changelog and writes it at every checkpoint.
   */
  CHANGELOG,
  /**
   * AUTO CDC into a streaming table: an unbounded job (in triggered runs too) whose rows are change
   * events, applied per key in Flink state; the target is written from the resulting changelog.
   */
  CHANGE;

  public static FlowKind of(Flow flow, PipelineGraph graph) {
    DatasetKind target = graph.requireDataset(flow.target()).kind();
    if (target == DatasetKind.MATERIALIZED_VIEW) {
      return COMPLETE;
    }
    if (flow instanceof QueryFlow q && q.changes().isPresent()) {
      return CHANGE;
    }
    if (flow instanceof QueryFlow q && q.once()) {
      return ONCE;
    }
    return APPEND;
  }

  /** Whether the flow runs as a bounded (batch) job rather than an unbounded streaming one. */
  public boolean bounded() {
    return this == ONCE || this == COMPLETE;
  }
}
