package io.sluice.core.model;

import io.sluice.core.text.MappedText;
import java.util.Objects;

/**
 * {@code CONSTRAINT name EXPECT (predicate) [ON VIOLATION ...]}.
 *
 * @param predicate a Flink SQL boolean expression over the dataset's columns; NULL counts as a
 *     failure
 */
public record Expectation(
    String name, MappedText predicate, ViolationAction action, SourceLocation location) {

  public Expectation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(location, "location");
  }
}
