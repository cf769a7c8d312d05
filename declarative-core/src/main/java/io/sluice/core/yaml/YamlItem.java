package io.sluice.core.yaml;

import io.sluice.core.model.SourceLocation;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** One item of a YAML sequence: a scalar or a mapping. */
public final class YamlItem {
  private final Node node;
  private final SourceFile file;
  private final Problems problems;

  YamlItem(Node node, SourceFile file, Problems problems) {
    this.node = node;
    this.file = file;
    this.problems = problems;
  }

  public SourceLocation location() {
    return YamlMap.locate(file, node);
  }

  public boolean isMap() {
    return node instanceof MappingNode;
  }

  public Optional<String> scalar(ErrorCode code) {
    if (node instanceof ScalarNode s) {
      return Optional.of(s.getValue());
    }
    problems.error(code, location(), "Cannot read this list item: expected a single value",
        "Write '- value'.");
    return Optional.empty();
  }

  public Optional<YamlMap> map(ErrorCode code) {
    if (node instanceof MappingNode m) {
      return Optional.of(new YamlMap(m, file, problems));
    }
    problems.error(code, location(), "Cannot read this list item: expected a mapping of keys to values",
        "Write '- key: value' with the other keys indented below.");
    return Optional.empty();
  }
}
