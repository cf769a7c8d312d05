package io.sluice.core.problem;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once, at the boundary, with every problem found in a pipeline definition. */
public final class DefinitionException extends RuntimeException {
  private final List<Problem> problems;

  public DefinitionException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  private static String summary(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    return errors
        + (errors == 1 ? " error" : " errors")
        + " in the pipeline definition:"
        + System.lineSeparator()
        + problems.stream().map(Problem::render).collect(Collectors.joining(System.lineSeparator()));
  }
}
