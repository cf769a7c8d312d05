package io.sluice.expectations;

import io.sluice.core.model.ViolationAction;
import java.io.Serializable;
import java.util.Objects;

/**
 * One expectation as the operator sees it: its name and what happens to a row that fails it. The
 * predicate itself is planned by the SQL planner; the operator only reads its BOOLEAN result.
 */
public record Check(String name, ViolationAction action) implements Serializable {
  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot declare an expectation without a name: give every CONSTRAINT a name");
    }
  }
}
