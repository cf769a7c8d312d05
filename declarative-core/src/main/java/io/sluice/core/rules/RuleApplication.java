package io.sluice.core.rules;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.Sink;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.model.TableSpec;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds to each dataset the rules whose tag it names in its {@code expectations.tags} table
 * property (comma-separated), after its own expectations: one set of rules serves many datasets.
 */
public final class RuleApplication {
  /** The table property that selects rules by tag. */
  public static final String TAGS_PROPERTY = "expectations.tags";

  private RuleApplication() {}

  public static DefinitionSet apply(DefinitionSet definitions, List<Rule> rules, Problems problems) {
    Set<String> knownTags = rules.stream().flatMap(r -> r.tags().stream()).collect(Collectors.toSet());
    List<Dataset> datasets = new ArrayList<>();
    for (Dataset d : definitions.datasets()) {
      List<String> tags = tags(d);
      if (tags.isEmpty()) {
        datasets.add(d);
        continue;
      }
      for (String t : tags) {
        if (!knownTags.contains(t)) {
          problems.warning(ErrorCode.UNKNOWN_REFERENCE, d.location(),
              "Dataset '" + d.name() + "' selects rules tagged '" + t + "', but no rule has this tag",
              knownTags.isEmpty() ? "Add a rules file under 'rules:' in pipeline.yaml."
                  : "Known tags: " + String.join(", ", knownTags.stream().sorted().toList()) + ".");
        }
      }
      List<Expectation> all = new ArrayList<>(d.spec().expectations());
      for (Rule r : rules) {
        if (r.tags().stream().anyMatch(tags::contains)) {
          all.add(r.toExpectation());
        }
      }
      datasets.add(withSpec(d, d.spec().withExpectations(all)));
    }
    return new DefinitionSet(datasets, definitions.flows(), definitions.settings());
  }

  static List<String> tags(Dataset d) {
    return d.spec().property(TAGS_PROPERTY)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList())
        .orElse(List.of());
  }

  static Dataset withSpec(Dataset d, TableSpec spec) {
    if (d instanceof StreamingTable st) {
      return new StreamingTable(st.name(), spec, st.visibility(), st.location());
    }
    if (d instanceof MaterializedView mv) {
      return new MaterializedView(mv.name(), spec, mv.visibility(), mv.location());
    }
    if (d instanceof TemporaryView v) {
      return new TemporaryView(v.name(), spec, v.query(), v.location());
    }
    if (d instanceof Sink) {
      return d;
    }
    throw new IllegalStateException("Unknown dataset kind " + d.kind());
  }
}
