package io.sluice.expectations;

import io.sluice.core.model.ViolationAction;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.table.types.logical.RowType;

/**
 * All expectations of one dataset, evaluated together by one operator of the flow that writes it.
 *
 * <p>The operator's input rows are the {@code dataType} columns followed by one nullable BOOLEAN
 * column per check, in the order of {@code checks} (declaration order). {@code updateId} is
 * written into quarantine rows; flow and dataset name the accumulators and metrics.
 */
public record ExpectationSet(
    String flow, String dataset, String updateId, RowType dataType, List<Check> checks)
    implements Serializable {

  public ExpectationSet {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(updateId, "updateId");
    Objects.requireNonNull(dataType, "dataType");
    checks = List.copyOf(checks);
    Set<String> names = new HashSet<>();
    for (Check check : checks) {
      if (!names.add(check.name())) {
        throw new IllegalArgumentException(String.format(
            "Cannot use expectation name more than once in dataset '%s': %s; rename one of them",
            dataset, check.name()));
      }
    }
  }

  /** Number of columns of an input row: the data columns, then one result per check. */
  int inputArity() {
    return dataType.getFieldCount() + checks.size();
  }

  /** Whether some check sends rows to the quarantine side output. */
  boolean quarantines() {
    return checks.stream().anyMatch(c -> c.action() == ViolationAction.QUARANTINE);
  }
}
