package io.sluice.core.yaml;

import io.sluice.core.text.MappedText;
import io.sluice.core.text.SourceFile;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a scalar's value back to the file, so that an error Flink reports in a query written in
 * YAML points at the right line and column. Literal ({@code |}) and plain multi-line scalars map
 * line by line; quoted and folded scalars map as well as their escapes allow.
 */
final class YamlScalarText {
  private YamlScalarText() {}

  static MappedText of(SourceFile file, ScalarNode scalar) {
    String value = scalar.getValue();
    int start = file.offsetOf(scalar.getStartMark().getLine() + 1, scalar.getStartMark().getColumn() + 1);
    DumperOptions.ScalarStyle style = scalar.getScalarStyle();
    boolean block = style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED;
    int searchFrom = block ? nextLine(file.content(), start) : start;
    if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
      searchFrom = start + 1;
    }
    MappedText whole = file.text();
    MappedText.Builder out = MappedText.builder(file);
    String content = file.content();
    int cursor = searchFrom;
    for (String line : value.split("\n", -1)) {
      int found = line.isEmpty() ? -1 : content.indexOf(line, cursor);
      if (found >= 0 && found - cursor < 400) {
        out.append(whole, found, found + line.length());
        cursor = found + line.length();
      } else {
        out.insert(line, Math.min(cursor, content.length()));
      }
      out.insert("\n", Math.min(cursor, content.length()));
    }
    MappedText built = out.build();
    return built.substring(0, value.length());
  }

  private static int nextLine(String content, int from) {
    int nl = content.indexOf('\n', from);
    return nl < 0 ? content.length() : nl + 1;
  }
}
