package io.sluice.runtime.plan;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.QueryFlow;
import java.util.Objects;

/**
 * A flow ready to translate: the flow, how it runs, the dataset it writes, and the lineage of its
 * state (part of its commits' transaction ids; see {@code FlowState}).
 */
public record FlowPlan(QueryFlow flow, FlowKind kind, Dataset target, String lineage) {

  public FlowPlan {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(lineage, "lineage");
  }

  public String name() {
    return flow.name();
  }
}
