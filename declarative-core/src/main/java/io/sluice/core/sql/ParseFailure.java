package io.sluice.core.sql;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;

/**
 * Stops parsing the current statement. Never leaves the package: the entry point turns it into a
 * problem and goes on with the next statement.
 */
final class ParseFailure extends RuntimeException {
  private final transient Problem problem;

  ParseFailure(ErrorCode code, SourceLocation location, String message, String action) {
    super(message, null, false, false);
    this.problem = Problem.error(code, location, message, action);
  }

  Problem problem() {
    return problem;
  }
}
