package io.sluice.connectors.files;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.UnresolvedUserDefinedType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * Parses {@code name TYPE, name TYPE, ...} with Flink's {@link LogicalTypeParser}. Column names
 * are quoted before parsing, so names that are SQL keywords ({@code date}, {@code value}) work
 * without backticks, as they do in DLT schema hints.
 */
final class SchemaText {
  private SchemaText() {}

  static RowType parse(String columns) {
    if (columns == null || columns.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot parse schema: it is empty. Write columns as 'name TYPE, ...'.");
    }
    StringBuilder row = new StringBuilder("ROW<");
    for (String column : splitTopLevel(columns)) {
      String c = column.trim();
      int space = c.startsWith("`") ? c.indexOf('`', 1) + 1 : firstWhitespace(c);
      if (space <= 0 || space >= c.length()) {
        throw new IllegalArgumentException(
            "Cannot parse schema '" + columns + "': column '" + c + "' has no type. Write columns"
                + " as 'name TYPE, ...'.");
      }
      String name = c.substring(0, space);
      row.append(row.length() > 4 ? ", " : "")
          .append(name.startsWith("`") ? name : "`" + name + "`")
          .append(' ')
          .append(c.substring(space).trim());
    }
    try {
      LogicalType type = LogicalTypeParser.parse(row.append('>').toString(), SchemaText.class.getClassLoader());
      rejectUnknownTypes(columns, type);
      return (RowType) type;
    } catch (ValidationException e) {
      throw new IllegalArgumentException(
          "Cannot parse schema '" + columns + "': " + e.getMessage().lines().findFirst().orElse("")
              + " Write columns as 'name TYPE, ...' with Flink SQL types, for example"
              + " 'id BIGINT, tags ARRAY<STRING>'.", e);
    }
  }

  /** Flink reads an unknown name as a user-defined type to resolve later; a file schema has none. */
  private static void rejectUnknownTypes(String columns, LogicalType type) {
    if (type instanceof UnresolvedUserDefinedType unknown) {
      throw new IllegalArgumentException(
          "Cannot parse schema '" + columns + "': unknown type " + unknown.asSummaryString() + ". "
              + SupportedTypes.LIST);
    }
    for (LogicalType child : type.getChildren()) {
      rejectUnknownTypes(columns, child);
    }
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '`') {
        quote = c;
      } else if (c == '<' || c == '(') {
        depth++;
      } else if (c == '>' || c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static int firstWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
