package io.sluice.core.sql;

import io.sluice.core.model.ReferenceKind;
import java.util.Map;

/**
 * What a name in table position denotes.
 *
 * @param name for datasets the normalized name; for files and paths the path; for external tables
 *     the normalized parts joined by '.'
 * @param options for files the reader options, for paths the format
 * @param written the last part of the name as written (an alias keeps {@code X.col} working), or
 *     null when no alias should be added (files)
 * @param origin the token the placeholder maps back to
 */
record TableSource(
    ReferenceKind kind, String name, Map<String, String> options, String written, Token origin) {

  TableSource {
    options = Map.copyOf(options);
  }
}
