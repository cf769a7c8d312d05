package io.sluice.core.graph;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.Quarantine;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A quarantine table must not be a dataset of the pipeline, nor another dataset's quarantine. */
final class QuarantineRule implements GraphRule {

  @Override
  public List<Problem> check(GraphDraft draft) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    for (Dataset d : draft.datasets().values()) {
      Optional<String> table = Quarantine.tableOf(d);
      if (table.isEmpty()) {
        continue;
      }
      if (d.kind() == DatasetKind.SINK) {
        problems.add(GraphRule.error(ErrorCode.EXPECTATION_INVALID, d.location(), d.name(),
            "Cannot quarantine rows of sink '" + d.name() + "': sinks have no expectations",
            "Put the expectations on the dataset the sink reads."));
      } else if (draft.datasets().containsKey(table.get())) {
        problems.add(GraphRule.error(ErrorCode.DUPLICATE_DATASET, d.location(), d.name(),
            "Cannot quarantine rows of '" + d.name() + "' into '" + table.get() + "': a dataset has this name",
            "Rename the dataset, or set TBLPROPERTIES ('" + Quarantine.TABLE_PROPERTY + "' = '...')."));
      } else if (owners.putIfAbsent(table.get(), d.name()) != null) {
        problems.add(GraphRule.error(ErrorCode.DUPLICATE_DATASET, d.location(), d.name(),
            "Cannot quarantine rows of '" + d.name() + "' into '" + table.get() + "': '" + owners.get(table.get())
                + "' quarantines into it already",
            "Give one of them another '" + Quarantine.TABLE_PROPERTY + "'."));
      }
    }
    return problems;
  }
}
