package io.sluice.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dataset and flow names. Like DLT (and unlike Flink SQL identifiers), names are case-insensitive:
 * {@code Raw_Orders} and {@code raw_orders} are the same dataset. They are kept in lower case.
 */
public final class Names {
  private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]*");

  private Names() {}

  public static String normalize(String name) {
    String unquoted = name.strip();
    if (unquoted.length() >= 2 && unquoted.startsWith("`") && unquoted.endsWith("`")) {
      unquoted = unquoted.substring(1, unquoted.length() - 1).replace("``", "`");
    }
    return unquoted.toLowerCase(Locale.ROOT);
  }

  /** Whether a (normalized) name can be used for a dataset: letters, digits, underscores. */
  public static boolean isValid(String normalized) {
    return VALID.matcher(normalized).matches();
  }
}
