package io.sluice.connectors.files;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated reader options of one format. Keys are matched case-insensitively; an unknown key is
 * rejected with the list of known ones, so a typo never silently changes how files are read.
 */
record FormatOptions(
    boolean header,
    char delimiter,
    char quote,
    char escape,
    String nullValue,
    boolean multiLine,
    Boolean inferColumnTypes)
    implements Serializable {

  private static final Map<FileFormat, List<String>> KNOWN =
      Map.of(
          FileFormat.JSON, List.of("multiLine", "inferColumnTypes"),
          FileFormat.DEBEZIUM_JSON, List.of("multiLine", "inferColumnTypes"),
          FileFormat.CSV,
              List.of(
                  "header", "delimiter", "sep", "quote", "escape", "nullValue", "multiLine",
                  "inferColumnTypes"),
          FileFormat.PARQUET, List.of());

  static FormatOptions defaults() {
    return new FormatOptions(true, ',', '"', '\\', "", false, null);
  }

  /** Parses user options for a format; throws IllegalArgumentException naming the bad key. */
  static FormatOptions parse(FileFormat format, Map<String, String> options) {
    Map<String, String> byKey = new HashMap<>();
    for (Map.Entry<String, String> entry : options.entrySet()) {
      String key = canonicalKey(format, entry.getKey());
      if (entry.getValue() == null) {
        throw new IllegalArgumentException(
            "Cannot use " + format + " option '" + key + "': its value is null. Give a value or"
                + " leave the option out.");
      }
      byKey.put(key, entry.getValue());
    }
    FormatOptions d = defaults();
    String delimiter = byKey.getOrDefault("delimiter", byKey.get("sep"));
    return new FormatOptions(
        flag(byKey, "header", d.header()),
        delimiter == null ? d.delimiter() : character(format, "delimiter", delimiter),
        byKey.containsKey("quote") ? character(format, "quote", byKey.get("quote")) : d.quote(),
        byKey.containsKey("escape") ? character(format, "escape", byKey.get("escape")) : d.escape(),
        byKey.getOrDefault("nullValue", d.nullValue()),
        flag(byKey, "multiLine", d.multiLine()),
        byKey.containsKey("inferColumnTypes") ? flag(byKey, "inferColumnTypes", false) : null);
  }

  /** Whether inference should type leaf values, given the format's default when unset. */
  boolean inferTypes(boolean formatDefault) {
    return inferColumnTypes == null ? formatDefault : inferColumnTypes;
  }

  private static String canonicalKey(FileFormat format, String key) {
    for (String known : KNOWN.get(format)) {
      if (known.equalsIgnoreCase(key)) {
        return known;
      }
    }
    Set<String> known = new TreeSet<>(KNOWN.get(format));
    throw new IllegalArgumentException(
        "Cannot use " + format + " option '" + key + "': unknown option. Known options: "
            + (known.isEmpty() ? "none" : String.join(", ", known)) + ".");
  }

  private static boolean flag(Map<String, String> byKey, String key, boolean fallback) {
    String value = byKey.get(key);
    if (value == null) {
      return fallback;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(
        "Cannot use option '" + key + "' = '" + value + "': expected true or false.");
  }

  private static char character(FileFormat format, String key, String value) {
    String v = value.equals("\\t") ? "\t" : value;
    if (v.length() != 1) {
      throw new IllegalArgumentException(
          "Cannot use " + format + " option '" + key + "' = '" + value
              + "': expected a single character.");
    }
    return v.charAt(0);
  }
}
