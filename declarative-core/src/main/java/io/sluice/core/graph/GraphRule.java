package io.sluice.core.graph;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import java.util.List;
import java.util.Map;

/** One check of the graph. Rules return problems; they never throw for a user error. */
interface GraphRule {

  /** Problem parameter naming the dataset whose definition is wrong. */
  String DATASET_PARAM = "dataset";

  List<GraphRule> ALL =
      List.of(
          new DuplicateDefinitionRule(),
          new FlowTargetRule(),
          new UnknownReferenceRule(),
          new CycleRule(),
          new StreamReadRule(),
          new MissingQueryRule(),
          new DuplicateExpectationRule(),
          new QuarantineRule(),
          new EventTimeRule());

  List<Problem> check(GraphDraft draft);

  static Problem error(
      ErrorCode code, SourceLocation at, String dataset, String message, String action) {
    return Problem.error(code, at, message, action).withParams(Map.of(DATASET_PARAM, dataset));
  }
}
