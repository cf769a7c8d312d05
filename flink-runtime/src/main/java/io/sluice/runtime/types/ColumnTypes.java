package io.sluice.runtime.types;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.UnresolvedUserDefinedType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * Parses declared column types: Flink SQL types, plus the Spark spellings common in DLT notebooks
 * ({@code LONG}, {@code SHORT}, {@code BYTE}, {@code INTEGER}, {@code BINARY} as bytes, {@code
 * TIMESTAMP_NTZ}, {@code STRUCT<a: INT, b: STRING>}). {@code TIMESTAMP} keeps Flink's meaning
 * (without time zone); use {@code TIMESTAMP_LTZ} for an instant.
 */
public final class ColumnTypes {
  private static final Map<String, String> ALIASES =
      Map.of(
          "LONG", "BIGINT",
          "SHORT", "SMALLINT",
          "BYTE", "TINYINT",
          "INTEGER", "INT",
          "TIMESTAMP_NTZ", "TIMESTAMP",
          "STRUCT", "ROW",
          "REAL", "FLOAT");
  private static final Pattern WORD = Pattern.compile("`[^`]*`|[A-Za-z_][A-Za-z0-9_]*|.", Pattern.DOTALL);

  private ColumnTypes() {}

  /** The Flink type, or an exception whose message says what is wrong. */
  public static LogicalType parse(String text) {
    String flink = toFlink(text);
    try {
      LogicalType type = LogicalTypeParser.parse(flink, ColumnTypes.class.getClassLoader());
      if (containsUnresolved(type)) {
        throw new IllegalArgumentException("Cannot use type '" + text.strip()
            + "': it is not a known type. Use a Flink SQL type such as STRING, BIGINT, DOUBLE,"
            + " DECIMAL(p, s), DATE, TIMESTAMP(3), TIMESTAMP_LTZ(3), ARRAY<T>, MAP<K, V> or ROW<...>");
      }
      return type;
    } catch (ValidationException e) {
      throw new IllegalArgumentException(
          "Cannot use type '" + text.strip() + "': " + firstLine(e.getMessage()), e);
    }
  }

  private static boolean containsUnresolved(LogicalType type) {
    if (type instanceof UnresolvedUserDefinedType) {
      return true;
    }
    return type.getChildren().stream().anyMatch(ColumnTypes::containsUnresolved);
  }

  /** Rewrites Spark spellings into Flink SQL type syntax. */
  static String toFlink(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = WORD.matcher(text.strip());
    String previous = "";
    int depth = 0;
    while (m.find()) {
      String tok = m.group();
      String upper = tok.toUpperCase(Locale.ROOT);
      if (tok.equals("<")) {
        depth++;
      } else if (tok.equals(">")) {
        depth--;
      }
      if (tok.equals(":") && depth > 0) {
        tok = " "; // STRUCT<a: INT> -> ROW<a INT>
      } else if (upper.equals("BINARY") && !nextIsParen(text, m.end())) {
        tok = "BYTES";
      } else if (ALIASES.containsKey(upper) && !previous.equals(".")) {
        tok = ALIASES.get(upper);
      }
      out.append(tok);
      if (!tok.isBlank()) {
        previous = tok;
      }
    }
    return out.toString();
  }

  private static boolean nextIsParen(String text, int from) {
    String rest = text.strip().substring(Math.min(from, text.strip().length())).stripLeading();
    return rest.startsWith("(");
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return message == null ? "invalid type" : nl < 0 ? message : message.substring(0, nl);
  }
}
