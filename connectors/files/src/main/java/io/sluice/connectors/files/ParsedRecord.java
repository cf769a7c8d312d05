package io.sluice.connectors.files;

import java.util.Map;

/**
 * One record of a file: its fields by name as plain Java values, or, for a record that could not
 * be parsed at all, its raw text.
 */
record ParsedRecord(Map<String, Object> fields, String malformedText) {
  static ParsedRecord of(Map<String, Object> fields) {
    return new ParsedRecord(fields, null);
  }

  static ParsedRecord malformed(String rawText) {
    return new ParsedRecord(null, rawText);
  }

  boolean isMalformed() {
    return malformedText != null;
  }
}
