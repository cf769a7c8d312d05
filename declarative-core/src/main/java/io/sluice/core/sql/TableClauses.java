package io.sluice.core.sql;

import io.sluice.core.model.TableFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clauses after a dataset's name and column list.
 *
 * @param last what was read last, for messages ("the column list", "the COMMENT clause")
 */
record TableClauses(
    List<String> partitionColumns,
    Optional<String> comment,
    Map<String, String> properties,
    Optional<TableFormat> format,
    String last) {

  TableClauses {
    partitionColumns = List.copyOf(partitionColumns);
    properties = Map.copyOf(properties);
  }
}
