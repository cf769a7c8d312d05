package io.sluice.core.yaml;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a YAML file into nodes that keep their line and column. */
public final class YamlDocument {
  private YamlDocument() {}

  /**
   * The file's top-level mapping, or empty (with a problem recorded) when the file is not valid
   * YAML or its top level is not a mapping. An empty file is an empty mapping.
   */
  public static Optional<YamlMap> read(SourceFile file, Problems problems, ErrorCode syntaxCode) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(new StringReader(file.content()));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.error(
          syntaxCode,
          mark == null
              ? file.locate(0)
              : io.sluice.core.model.SourceLocation.of(
                  file.name(), mark.getLine() + 1, mark.getColumn() + 1),
          "Cannot read " + file.name() + ": " + firstLine(e.getProblem()),
          "Fix the YAML syntax at this position.");
      return Optional.empty();
    } catch (RuntimeException e) {
      problems.error(
          syntaxCode,
          file.locate(0),
          "Cannot read " + file.name() + ": " + firstLine(e.getMessage()),
          "Fix the YAML syntax.");
      return Optional.empty();
    }
    if (root == null) {
      return Optional.of(YamlMap.empty(file, problems));
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.error(
          syntaxCode,
          YamlMap.locate(file, root),
          "Cannot read " + file.name() + ": the top level must be a mapping of keys to values",
          "Start the file with keys such as 'name:'.");
      return Optional.empty();
    }
    return Optional.of(new YamlMap(mapping, file, problems));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid YAML";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
