package io.sluice.connectors.cdc.postgres;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A table's schema and name as they are in the catalog (case-sensitive). Parsed from {@code
 * schema.table}, or {@code table} in a default schema. Names are letters, digits, {@code _} and
 * {@code $}, not starting with a digit: Flink CDC and Debezium match tables by regular expressions
 * split at commas, so other characters are refused rather than escaped.
 */
record TableName(String schema, String table) implements Serializable {
  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}0-9_$]*");

  TableName {
    for (String name : new String[] {schema, table}) {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException("Cannot capture table " + schema + "." + table
            + ": '" + name + "' is not a plain identifier (letters, digits, _ and $, not"
            + " starting with a digit). Rename it.");
      }
    }
  }

  static TableName parse(String text, String defaultSchema) {
    String trimmed = text.trim();
    String[] parts = trimmed.split("\\.", -1);
    if (parts.length == 1 && !parts[0].isEmpty()) {
      return new TableName(defaultSchema, parts[0]);
    }
    if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
      return new TableName(parts[0], parts[1]);
    }
    throw new IllegalArgumentException("Cannot capture table '" + text + "': give it as"
        + " schema.table (or table, in schema " + defaultSchema + ").");
  }

  /** The regular expression Flink CDC and Debezium match {@code schema.table} against. */
  String pattern() {
    return escape(schema) + "\\." + escape(table);
  }

  private static String escape(String identifier) {
    return identifier.replace("$", "\\$");
  }

  @Override
  public String toString() {
    return schema + "." + table;
  }
}
