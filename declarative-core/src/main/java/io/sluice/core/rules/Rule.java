package io.sluice.core.rules;

import io.sluice.core.model.Expectation;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.text.MappedText;
import java.util.List;
import java.util.Objects;

/**
 * A reusable expectation from a rules file: applied to every dataset that names one of its tags
 * (table property {@code expectations.tags}).
 */
public record Rule(String name, MappedText expression, List<String> tags, ViolationAction action,
    SourceLocation location) {

  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    tags = List.copyOf(tags);
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(location, "location");
  }

  public Expectation toExpectation() {
    return new Expectation(name, expression, action, location);
  }
}
