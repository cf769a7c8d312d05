package io.sluice.core.yaml;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Flow;
import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.Names;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Sink;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.model.TableSpec;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.model.Visibility;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the YAML form of pipeline definitions: the same model as SQL, for users who generate
 * pipelines.
 *
 * <pre>
 * datasets:
 *   - name: raw_orders
 *     kind: streaming_table        # streaming_table | materialized_view | temporary_view | sink
 *     query: SELECT * FROM STREAM read_files('data/orders', format => 'json')
 *     expectations:
 *       - {name: valid_id, expression: id IS NOT NULL, on_violation: drop}
 * flows:
 *   - {name: backfill, target: raw_orders, once: true, query: SELECT ...}
 *   - {name: apply, target: orders, auto_cdc: {source: STREAM(raw_orders), keys: [id], sequence_by: ts}}
 * </pre>
 */
public final class YamlDefinitionParser {
  static final Set<String> TOP_KEYS = Set.of("datasets", "flows");
  static final Set<String> DATASET_KEYS =
      Set.of("name", "kind", "comment", "private", "format", "columns", "expectations", "watermark",
          "partitioned_by", "table_properties", "query", "options", "expectation_tags");
  static final Set<String> FLOW_KEYS = Set.of("name", "target", "once", "query", "comment", "auto_cdc");

  private YamlDefinitionParser() {}

  public static DefinitionSet parse(SourceFile file, QuerySyntax syntax, Problems problems) {
    Optional<YamlMap> read = YamlDocument.read(file, problems, ErrorCode.YAML_SYNTAX);
    if (read.isEmpty()) {
      return DefinitionSet.EMPTY;
    }
    YamlMap top = read.get();
    top.rejectUnknownKeys(TOP_KEYS, ErrorCode.YAML_UNKNOWN_KEY, "a definition file");
    List<Dataset> datasets = new ArrayList<>();
    List<Flow> flows = new ArrayList<>();
    for (YamlItem item : top.list("datasets", ErrorCode.YAML_INVALID_VALUE)) {
      item.map(ErrorCode.YAML_INVALID_VALUE).ifPresent(m -> dataset(m, syntax, datasets, flows));
    }
    for (YamlItem item : top.list("flows", ErrorCode.YAML_INVALID_VALUE)) {
      item.map(ErrorCode.YAML_INVALID_VALUE).ifPresent(m -> flow(m, syntax).ifPresent(flows::add));
    }
    return new DefinitionSet(datasets, flows, java.util.Map.of());
  }

  private static void dataset(YamlMap m, QuerySyntax syntax, List<Dataset> datasets, List<Flow> flows) {
    m.rejectUnknownKeys(DATASET_KEYS, ErrorCode.YAML_UNKNOWN_KEY, "a dataset");
    Optional<String> name = name(m);
    String kind = m.requireString("kind", ErrorCode.YAML_MISSING_KEY, "a dataset");
    if (name.isEmpty() || kind == null) {
      return;
    }
    boolean sink = kind.strip().equalsIgnoreCase("sink");
    TableSpec spec = sink ? TableSpec.EMPTY : YamlTableSpec.read(m, syntax);
    Visibility visibility = m.bool("private", ErrorCode.YAML_INVALID_VALUE).orElse(false)
        ? Visibility.PRIVATE : Visibility.PUBLIC;
    Optional<Query> query = m.text("query").flatMap(t -> syntax.query(syntax.substitute(t, m.problems()), m.problems()));
    switch (kind.strip().toLowerCase(Locale.ROOT)) {
      case "streaming_table" -> datasets.add(new StreamingTable(name.get(), spec, visibility, m.at("name")));
      case "materialized_view" -> datasets.add(new MaterializedView(name.get(), spec, visibility, m.at("name")));
      case "temporary_view" -> {
        if (query.isEmpty()) {
          m.problems().error(ErrorCode.MISSING_QUERY, m.at("name"),
              "Cannot define temporary view '" + name.get() + "' without a query", "Add 'query:'.");
          return;
        }
        datasets.add(new TemporaryView(name.get(), spec, query.get(), m.at("name")));
        return;
      }
      case "sink" -> {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        m.map("options", ErrorCode.YAML_INVALID_VALUE).ifPresent(o -> o.keys().forEach(k -> o.text(k)
            .ifPresent(v -> options.put(k, syntax.substitute(v, m.problems()).text()))));
        String format = m.string("format").orElse(options.getOrDefault("format", options.getOrDefault("connector", "")));
        datasets.add(new Sink(name.get(), format, options, m.at("name")));
        return;
      }
      default -> {
        m.problems().error(ErrorCode.YAML_INVALID_VALUE, m.valueAt("kind"),
            "Cannot define a dataset of kind '" + kind + "': it is not a known kind",
            "Use streaming_table, materialized_view, temporary_view or sink.");
        return;
      }
    }
    query.ifPresent(q -> flows.add(new QueryFlow(name.get(), name.get(), q, false, true, m.valueAt("query"))));
  }

  private static Optional<Flow> flow(YamlMap m, QuerySyntax syntax) {
    m.rejectUnknownKeys(FLOW_KEYS, ErrorCode.YAML_UNKNOWN_KEY, "a flow");
    Optional<String> name = name(m);
    String target = m.requireString("target", ErrorCode.YAML_MISSING_KEY, "a flow");
    String queryKey = m.has("query") ? "query" : m.has("auto_cdc") ? "auto_cdc" : null;
    if (queryKey == null) {
      m.problems().error(ErrorCode.YAML_MISSING_KEY, m.location(), "Cannot read a flow: key 'query' is missing",
          "Add 'query: SELECT ...', or an 'auto_cdc:' block.");
    } else if (m.has("query") && m.has("auto_cdc")) {
      m.problems().error(ErrorCode.YAML_INVALID_VALUE, m.at("auto_cdc"),
          "Cannot read a flow with both 'query' and 'auto_cdc'", "Keep one of them.");
      return Optional.empty();
    }
    if (name.isEmpty() || target == null || queryKey == null) {
      return Optional.empty();
    }
    if (queryKey.equals("auto_cdc")) {
      boolean once = m.bool("once", ErrorCode.YAML_INVALID_VALUE).orElse(false);
      return m.map("auto_cdc", ErrorCode.YAML_INVALID_VALUE)
          .flatMap(a -> YamlChangeFlow.read(m, a, name.get(), Names.normalize(target), once, syntax));
    }
    Optional<Query> query = m.text("query").flatMap(t -> syntax.query(syntax.substitute(t, m.problems()), m.problems()));
    boolean once = m.bool("once", ErrorCode.YAML_INVALID_VALUE).orElse(false);
    return query.map(q -> new QueryFlow(name.get(), Names.normalize(target), q, once, false, m.at("name")));
  }

  private static Optional<String> name(YamlMap m) {
    String raw = m.requireString("name", ErrorCode.YAML_MISSING_KEY, "a definition");
    if (raw == null) {
      return Optional.empty();
    }
    String name = Names.normalize(raw);
    if (!Names.isValid(name)) {
      m.problems().error(ErrorCode.INVALID_NAME, m.valueAt("name"),
          "Cannot use '" + raw + "' as a name: names are letters, digits and underscores, not starting with a digit",
          "Rename it, for example '" + name.replaceAll("[^a-z0-9_]", "_") + "'.");
      return Optional.empty();
    }
    return Optional.of(name);
  }
}
