package io.sluice.core.yaml;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import io.sluice.core.text.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping with typed, located access. Wrong types are recorded as problems (with the
 * value's line and column) and read as absent, so that one pass reports every problem.
 */
public final class YamlMap {
  private final MappingNode node;
  private final SourceFile file;
  private final Problems problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  YamlMap(MappingNode node, SourceFile file, Problems problems) {
    this.node = node;
    this.file = file;
    this.problems = problems;
    if (node != null) {
      for (NodeTuple t : node.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key) {
          entries.put(key.getValue(), t);
        }
      }
    }
  }

  static YamlMap empty(SourceFile file, Problems problems) {
    return new YamlMap(null, file, problems);
  }

  static SourceLocation locate(SourceFile file, Node n) {
    return SourceLocation.of(
        file.name(), n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  public SourceFile file() {
    return file;
  }

  public Problems problems() {
    return problems;
  }

  public SourceLocation location() {
    return node == null ? SourceLocation.of(file.name(), 1, 1) : locate(file, node);
  }

  /** Where the key is written, or this mapping's location when the key is absent. */
  public SourceLocation at(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? location() : locate(file, t.getKeyNode());
  }

  /** Where the value of the key is written. */
  public SourceLocation valueAt(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? location() : locate(file, t.getValueNode());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  /** Records an error for every key not in {@code allowed}, listing the allowed keys. */
  public void rejectUnknownKeys(Set<String> allowed, ErrorCode code, String what) {
    for (String key : entries.keySet()) {
      if (!allowed.contains(key)) {
        problems.error(
            code,
            at(key),
            "Cannot use key '" + key + "' in " + what + ": it is not a known key",
            "Allowed keys: " + String.join(", ", new TreeSet<>(allowed)) + ".");
      }
    }
  }

  public Optional<String> string(String key) {
    return scalar(key).map(ScalarNode::getValue);
  }

  /** A scalar's text that remembers where each character is in the file (for queries). */
  public Optional<MappedText> text(String key) {
    return scalar(key).map(s -> YamlScalarText.of(file, s));
  }

  public String requireString(String key, ErrorCode code, String what) {
    Optional<String> v = string(key);
    if (v.isEmpty() && !has(key)) {
      problems.error(
          code, location(), "Cannot read " + what + ": key '" + key + "' is missing",
          "Add '" + key + ":'.");
    }
    return v.orElse(null);
  }

  public Optional<Boolean> bool(String key, ErrorCode code) {
    return string(key).flatMap(v -> {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        return Optional.of(Boolean.parseBoolean(v));
      }
      problems.error(code, valueAt(key), "Cannot read '" + key + "': '" + v + "' is not true or false",
          "Write true or false.");
      return Optional.empty();
    });
  }

  public Optional<YamlMap> map(String key, ErrorCode code) {
    NodeTuple t = entries.get(key);
    if (t == null || isNull(t.getValueNode())) {
      return Optional.empty();
    }
    if (t.getValueNode() instanceof MappingNode m) {
      return Optional.of(new YamlMap(m, file, problems));
    }
    problems.error(code, valueAt(key), "Cannot read '" + key + "': expected a mapping of keys to values",
        "Write it as indented 'key: value' lines.");
    return Optional.empty();
  }

  /** A mapping of scalars, for example {@code configuration} or {@code table_properties}. */
  public Map<String, String> stringMap(String key, ErrorCode code) {
    Map<String, String> result = new LinkedHashMap<>();
    map(key, code).ifPresent(m -> {
      for (String k : m.keys()) {
        m.string(k).ifPresent(v -> result.put(k, v));
      }
    });
    return result;
  }

  /** A sequence's items: each is a scalar or a mapping. */
  public List<YamlItem> list(String key, ErrorCode code) {
    NodeTuple t = entries.get(key);
    if (t == null || isNull(t.getValueNode())) {
      return List.of();
    }
    if (!(t.getValueNode() instanceof SequenceNode seq)) {
      problems.error(code, valueAt(key), "Cannot read '" + key + "': expected a list",
          "Write one '- item' per line.");
      return List.of();
    }
    List<YamlItem> items = new ArrayList<>();
    for (Node n : seq.getValue()) {
      items.add(new YamlItem(n, file, problems));
    }
    return items;
  }

  /** A list of scalars, for example {@code partitioned_by}. */
  public List<String> stringList(String key, ErrorCode code) {
    List<String> result = new ArrayList<>();
    for (YamlItem item : list(key, code)) {
      item.scalar(code).ifPresent(result::add);
    }
    return result;
  }

  private Optional<ScalarNode> scalar(String key) {
    NodeTuple t = entries.get(key);
    if (t == null || isNull(t.getValueNode())) {
      return Optional.empty();
    }
    if (t.getValueNode() instanceof ScalarNode s) {
      return Optional.of(s);
    }
    problems.error(ErrorCode.YAML_INVALID_VALUE, valueAt(key),
        "Cannot read '" + key + "': expected a single value, not a list or mapping",
        "Write '" + key + ": value'.");
    return Optional.empty();
  }

  static boolean isNull(Node n) {
    return n instanceof ScalarNode s
        && s.getTag().getValue().endsWith(":null")
        && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"));
  }
}
