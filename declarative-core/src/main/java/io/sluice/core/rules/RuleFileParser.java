package io.sluice.core.rules;

import io.sluice.core.model.ViolationAction;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import io.sluice.core.text.SourceFile;
import io.sluice.core.yaml.QuerySyntax;
import io.sluice.core.yaml.YamlDocument;
import io.sluice.core.yaml.YamlItem;
import io.sluice.core.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rules file. YAML:
 *
 * <pre>
 * rules:
 *   - name: valid_email
 *     expression: email RLIKE '^[^@]+@[^@]+$'
 *     tag: validity              # or tags: [validity, contact]
 *     action: drop               # warn (default) | drop | quarantine | fail
 * </pre>
 *
 * <p>CSV: a header row naming the columns {@code name, expression, tag, action} (any order;
 * {@code action} optional), one rule per row; quote cells that contain commas.
 */
public final class RuleFileParser {
  static final Set<String> RULE_KEYS = Set.of("name", "expression", "tag", "tags", "action");

  private RuleFileParser() {}

  public static List<Rule> parse(SourceFile file, QuerySyntax syntax, Problems problems) {
    if (file.name().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      return CsvRules.parse(file, syntax, problems);
    }
    List<Rule> rules = new ArrayList<>();
    Optional<YamlMap> top = YamlDocument.read(file, problems, ErrorCode.YAML_SYNTAX);
    if (top.isEmpty()) {
      return rules;
    }
    top.get().rejectUnknownKeys(Set.of("rules"), ErrorCode.YAML_UNKNOWN_KEY, "a rules file");
    for (YamlItem item : top.get().list("rules", ErrorCode.YAML_INVALID_VALUE)) {
      item.map(ErrorCode.YAML_INVALID_VALUE).ifPresent(m -> rule(m, syntax).ifPresent(rules::add));
    }
    return rules;
  }

  private static Optional<Rule> rule(YamlMap m, QuerySyntax syntax) {
    m.rejectUnknownKeys(RULE_KEYS, ErrorCode.YAML_UNKNOWN_KEY, "a rule");
    String name = m.requireString("name", ErrorCode.YAML_MISSING_KEY, "a rule");
    List<String> tags = new ArrayList<>(m.stringList("tags", ErrorCode.YAML_INVALID_VALUE));
    m.string("tag").ifPresent(tags::add);
    if (tags.isEmpty() && name != null) {
      m.problems().error(ErrorCode.YAML_MISSING_KEY, m.location(),
          "Cannot use rule '" + name + "': it has no tag, so no dataset can select it",
          "Add 'tag: <name>' and list the tag in the datasets' expectations.tags property.");
    }
    Optional<ViolationAction> action = m.string("action").map(a -> ViolationAction.parse(a).orElseGet(() -> {
      m.problems().error(ErrorCode.YAML_INVALID_VALUE, m.valueAt("action"),
          "Cannot use action '" + a + "' in rule '" + name + "': it is not a known action",
          "Use warn, drop, quarantine or fail.");
      return null;
    })).or(() -> m.has("action") ? Optional.empty() : Optional.of(ViolationAction.WARN));
    Optional<MappedText> expression = m.text("expression")
        .flatMap(t -> syntax.expression(syntax.substitute(t, m.problems()), m.problems()));
    if (!m.has("expression")) {
      m.problems().error(ErrorCode.YAML_MISSING_KEY, m.location(),
          "Cannot use rule '" + name + "': it has no expression", "Add 'expression: <boolean SQL>'.");
    }
    if (name == null || tags.isEmpty() || action.isEmpty() || expression.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Rule(name, expression.get(), tags, action.get(), m.at("name")));
  }
}
