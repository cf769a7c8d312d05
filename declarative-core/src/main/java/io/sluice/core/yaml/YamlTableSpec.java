package io.sluice.core.yaml;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.TableFormat;
import io.sluice.core.model.TableSpec;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.model.WatermarkSpec;
import io.sluice.core.problem.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The columns, expectations, watermark and storage settings of a dataset written in YAML. */
final class YamlTableSpec {
  static final Set<String> COLUMN_KEYS = Set.of("name", "type", "not_null", "comment");
  static final Set<String> EXPECTATION_KEYS = Set.of("name", "expression", "on_violation");
  static final Set<String> WATERMARK_KEYS = Set.of("column", "expression");

  private YamlTableSpec() {}

  static TableSpec read(YamlMap m, QuerySyntax syntax) {
    return new TableSpec(
        columns(m),
        expectations(m, syntax),
        watermark(m, syntax),
        m.stringList("partitioned_by", ErrorCode.YAML_INVALID_VALUE),
        m.string("comment"),
        properties(m),
        format(m));
  }

  /** Table properties, with {@code expectation_tags: [...]} as the {@code expectations.tags} property. */
  private static java.util.Map<String, String> properties(YamlMap m) {
    java.util.Map<String, String> props = new java.util.LinkedHashMap<>(
        m.stringMap("table_properties", ErrorCode.YAML_INVALID_VALUE));
    List<String> tags = m.stringList("expectation_tags", ErrorCode.YAML_INVALID_VALUE);
    if (!tags.isEmpty()) {
      props.put(io.sluice.core.rules.RuleApplication.TAGS_PROPERTY, String.join(",", tags));
    }
    return props;
  }

  private static List<ColumnSpec> columns(YamlMap m) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (YamlItem item : m.list("columns", ErrorCode.YAML_INVALID_VALUE)) {
      item.map(ErrorCode.YAML_INVALID_VALUE).ifPresent(c -> {
        c.rejectUnknownKeys(COLUMN_KEYS, ErrorCode.YAML_UNKNOWN_KEY, "a column");
        String name = c.requireString("name", ErrorCode.YAML_MISSING_KEY, "a column");
        String type = c.requireString("type", ErrorCode.YAML_MISSING_KEY, "a column");
        if (name != null && type != null) {
          columns.add(new ColumnSpec(name, type,
              c.bool("not_null", ErrorCode.YAML_INVALID_VALUE).orElse(false), c.string("comment"), c.at("name")));
        }
      });
    }
    return columns;
  }

  private static List<Expectation> expectations(YamlMap m, QuerySyntax syntax) {
    List<Expectation> result = new ArrayList<>();
    for (YamlItem item : m.list("expectations", ErrorCode.YAML_INVALID_VALUE)) {
      item.map(ErrorCode.YAML_INVALID_VALUE).ifPresent(e -> {
        e.rejectUnknownKeys(EXPECTATION_KEYS, ErrorCode.YAML_UNKNOWN_KEY, "an expectation");
        String name = e.requireString("name", ErrorCode.YAML_MISSING_KEY, "an expectation");
        Optional<ViolationAction> action = action(e);
        if (!e.has("expression")) {
          e.problems().error(ErrorCode.YAML_MISSING_KEY, e.location(),
              "Cannot read an expectation: key 'expression' is missing", "Add 'expression: <boolean SQL>'.");
        }
        e.text("expression")
            .filter(text -> name != null && action.isPresent())
            .flatMap(text -> syntax.expression(syntax.substitute(text, e.problems()), e.problems()))
            .ifPresent(predicate -> result.add(new Expectation(name, predicate, action.get(), e.at("name"))));
      });
    }
    return result;
  }

  private static Optional<ViolationAction> action(YamlMap e) {
    Optional<String> raw = e.string("on_violation");
    if (raw.isEmpty()) {
      return Optional.of(ViolationAction.WARN);
    }
    Optional<ViolationAction> action = ViolationAction.parse(raw.get());
    if (action.isEmpty()) {
      e.problems().error(ErrorCode.YAML_INVALID_VALUE, e.valueAt("on_violation"),
          "Cannot use on_violation '" + raw.get() + "': it is not a known action",
          "Use warn, drop, quarantine or fail.");
    }
    return action;
  }

  private static Optional<WatermarkSpec> watermark(YamlMap m, QuerySyntax syntax) {
    return m.map("watermark", ErrorCode.YAML_INVALID_VALUE).flatMap(w -> {
      w.rejectUnknownKeys(WATERMARK_KEYS, ErrorCode.YAML_UNKNOWN_KEY, "a watermark");
      String column = w.requireString("column", ErrorCode.YAML_MISSING_KEY, "a watermark");
      return w.text("expression").filter(t -> column != null)
          .flatMap(t -> syntax.expression(syntax.substitute(t, w.problems()), w.problems()))
          .map(expr -> new WatermarkSpec(column, expr, w.location()));
    });
  }

  private static Optional<TableFormat> format(YamlMap m) {
    return m.string("format").flatMap(v -> {
      Optional<TableFormat> f = TableFormat.parse(v);
      if (f.isEmpty()) {
        m.problems().error(ErrorCode.YAML_INVALID_VALUE, m.valueAt("format"),
            "Cannot store a dataset as '" + v + "': it is not a supported format", "Use delta or iceberg.");
      }
      return f;
    });
  }
}
