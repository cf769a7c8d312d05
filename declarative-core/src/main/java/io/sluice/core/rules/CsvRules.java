package io.sluice.core.rules;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import io.sluice.core.text.SourceFile;
import io.sluice.core.yaml.QuerySyntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rules in CSV: a header row with {@code name, expression, tag, action}, then one rule per row.
 * Cells may be quoted ({@code "..."}, with {@code ""} for a quote inside); each cell keeps its
 * position in the file, so an invalid expression is reported at its own line and column.
 */
final class CsvRules {
  private CsvRules() {}

  static List<Rule> parse(SourceFile file, QuerySyntax syntax, Problems problems) {
    List<List<MappedText>> rows = cells(file);
    List<Rule> rules = new ArrayList<>();
    if (rows.isEmpty()) {
      return rules;
    }
    Map<String, Integer> header = new HashMap<>();
    for (int i = 0; i < rows.get(0).size(); i++) {
      header.put(rows.get(0).get(i).text().strip().toLowerCase(Locale.ROOT), i);
    }
    for (String required : List.of("name", "expression", "tag")) {
      if (!header.containsKey(required)) {
        problems.error(ErrorCode.YAML_MISSING_KEY, file.locate(0),
            "Cannot read rules file " + file.name() + ": its header has no '" + required + "' column",
            "Start the file with a header such as: name,expression,tag,action");
        return rules;
      }
    }
    for (List<MappedText> row : rows.subList(1, rows.size())) {
      if (row.size() == 1 && row.get(0).text().isBlank()) {
        continue;
      }
      rule(row, header, syntax, problems).ifPresent(rules::add);
    }
    return rules;
  }

  private static Optional<Rule> rule(List<MappedText> row, Map<String, Integer> header, QuerySyntax syntax,
      Problems problems) {
    SourceLocation at = row.get(0).start();
    String name = cell(row, header, "name").map(t -> t.text().strip()).orElse("");
    String tag = cell(row, header, "tag").map(t -> t.text().strip()).orElse("");
    Optional<MappedText> expression = cell(row, header, "expression").filter(t -> !t.text().isBlank());
    if (name.isEmpty() || tag.isEmpty() || expression.isEmpty()) {
      problems.error(ErrorCode.YAML_MISSING_KEY, at,
          "Cannot use this rule: it needs a name, an expression and a tag", "Fill in the row's cells.");
      return Optional.empty();
    }
    String actionText = cell(row, header, "action").map(t -> t.text().strip()).orElse("");
    Optional<ViolationAction> action = actionText.isEmpty() ? Optional.of(ViolationAction.WARN)
        : ViolationAction.parse(actionText);
    if (action.isEmpty()) {
      problems.error(ErrorCode.YAML_INVALID_VALUE, cell(row, header, "action").get().start(),
          "Cannot use action '" + actionText + "' in rule '" + name + "': it is not a known action",
          "Use warn, drop, quarantine or fail.");
      return Optional.empty();
    }
    return syntax.expression(syntax.substitute(expression.get(), problems), problems)
        .map(e -> new Rule(name, e, List.of(tag.split("\\s*;\\s*")), action.get(), at));
  }

  private static Optional<MappedText> cell(List<MappedText> row, Map<String, Integer> header, String column) {
    Integer i = header.get(column);
    return i == null || i >= row.size() ? Optional.empty() : Optional.of(row.get(i));
  }

  /** Splits the file into rows of cells; quoted cells may hold commas, quotes and newlines. */
  static List<List<MappedText>> cells(SourceFile file) {
    MappedText text = file.text();
    String s = file.content();
    List<List<MappedText>> rows = new ArrayList<>();
    List<MappedText> row = new ArrayList<>();
    int i = 0;
    while (i <= s.length()) {
      MappedText.Builder cell = MappedText.builder(file);
      if (i < s.length() && s.charAt(i) == '"') {
        i++;
        while (i < s.length() && !(s.charAt(i) == '"' && (i + 1 >= s.length() || s.charAt(i + 1) != '"'))) {
          cell.append(text, i, i + 1);
          i += s.charAt(i) == '"' ? 2 : 1;
        }
        i++;
      }
      while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
        cell.append(text, i, i + 1);
        i++;
      }
      row.add(cell.build());
      if (i >= s.length() || s.charAt(i) != ',') {
        if (!(row.size() == 1 && row.get(0).text().isEmpty() && i >= s.length())) {
          rows.add(row);
        }
        row = new ArrayList<>();
        if (i < s.length() && s.charAt(i) == '\r') {
          i++;
        }
      }
      i++;
    }
    return rows;
  }
}
