package io.sluice.core.sql;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import io.sluice.core.text.SourceFile;
import java.util.Map;
import java.util.TreeSet;

/**
 * Replaces {@code ${key}} with the pipeline configuration's value, anywhere in the file (string
 * literals included), before the SQL is tokenized. Substituted characters map to the {@code $}.
 *
 * <p>{@code ${env:NAME}} and {@code ${file:PATH}} are secrets: they stay as written, and the
 * connector that uses them reads the environment variable or the file when it connects, so their
 * values never reach the definition, the event log or a message.
 *
 * <p>An unknown key is an error, except inside a comment (notebook exports carry markdown and
 * Python cells as comments); the text is then left as written.
 */
final class ParameterSubstitution {
  private final MappedText source;
  private final String s;
  private final Map<String, String> configuration;
  private final Problems problems;
  private final MappedText.Builder out;
  private int copied;
  private char quote;
  private boolean lineComment;
  private boolean blockComment;

  private ParameterSubstitution(
      MappedText source, Map<String, String> configuration, Problems problems) {
    this.source = source;
    this.s = source.text();
    this.configuration = configuration;
    this.problems = problems;
    this.out = MappedText.builder(source.file());
  }

  static MappedText apply(SourceFile file, Map<String, String> configuration, Problems problems) {
    return apply(file.text(), configuration, problems);
  }

  /** Substitutes parameters in text taken from a file (a query written in YAML, for example). */
  static MappedText apply(MappedText text, Map<String, String> configuration, Problems problems) {
    return new ParameterSubstitution(text, configuration, problems).run();
  }

  private MappedText run() {
    int i = 0;
    while (i < s.length()) {
      i = s.startsWith("${", i) ? parameter(i) : advance(i);
    }
    out.append(source, copied, s.length());
    return out.build();
  }

  /** Substitutes the parameter at {@code start}; returns the offset to continue at. */
  private int parameter(int start) {
    int close = s.indexOf('}', start + 2);
    int newline = s.indexOf('\n', start);
    if (close < 0 || (newline >= 0 && newline < close)) {
      return start + 2;
    }
    String key = s.substring(start + 2, close).strip();
    if (key.startsWith("env:") || key.startsWith("file:")) {
      return close + 1; // a secret: resolved by the connector when it connects, never in the text
    }
    String value = configuration.get(key);
    if (value != null) {
      out.append(source, copied, start).insert(value, start);
      copied = close + 1;
    } else if (!lineComment && !blockComment) {
      problems.error(
          ErrorCode.UNKNOWN_PARAMETER,
          source.locate(start),
          "Cannot substitute ${" + key + "}: the pipeline configuration has no key '" + key + "'",
          "Add '"
              + key
              + "' under 'configuration:' in pipeline.yaml, or write the value in place; "
              + known()
              + ".");
    }
    return close + 1;
  }

  private String known() {
    return configuration.isEmpty()
        ? "no keys are configured"
        : "known keys: " + String.join(", ", new TreeSet<>(configuration.keySet()));
  }

  /** Follows strings and comments, only to know whether a parameter is inside a comment. */
  private int advance(int i) {
    char c = s.charAt(i);
    if (lineComment) {
      lineComment = c != '\n';
    } else if (blockComment) {
      blockComment = !s.startsWith("*/", i);
      return blockComment ? i + 1 : i + 2;
    } else if (quote != 0) {
      if (c == '\\' && quote == '"') {
        return i + 2;
      }
      quote = c == quote ? 0 : quote;
    } else if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (s.startsWith("--", i) || s.startsWith("/*", i)) {
      lineComment = c == '-';
      blockComment = c == '/';
      return i + 2;
    }
    return i + 1;
  }
}
