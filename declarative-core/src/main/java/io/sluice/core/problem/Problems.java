package io.sluice.core.problem;

import io.sluice.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems while a pipeline is read, resolved and checked, so that every problem is
 * reported at once; {@link #throwIfErrors()} is the single point where collection turns into an
 * exception.
 */
public final class Problems {
  private final List<Problem> all = new ArrayList<>();

  public Problems add(Problem problem) {
    all.add(problem);
    return this;
  }

  public Problems addAll(List<Problem> problems) {
    all.addAll(problems);
    return this;
  }

  public Problems error(ErrorCode code, SourceLocation at, String message, String action) {
    return add(Problem.error(code, at, message, action));
  }

  public Problems warning(ErrorCode code, SourceLocation at, String message, String action) {
    return add(Problem.warning(code, at, message, action));
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(Problem::isError);
  }

  /** All problems, ordered by file, line and column. */
  public List<Problem> list() {
    List<Problem> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparing((Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return List.copyOf(sorted);
  }

  public List<Problem> warnings() {
    return list().stream().filter(p -> !p.isError()).toList();
  }

  public void throwIfErrors() {
    if (hasErrors()) {
      throw new DefinitionException(list());
    }
  }
}
