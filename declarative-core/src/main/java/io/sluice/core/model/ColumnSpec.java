package io.sluice.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A declared column: {@code name TYPE [NOT NULL] [COMMENT '...']}.
 *
 * @param type the type as written (Flink SQL, with Spark aliases such as {@code LONG} or {@code
 *     STRUCT<a: INT>} accepted); the engine parses it
 */
public record ColumnSpec(
    String name, String type, boolean notNull, Optional<String> comment, SourceLocation location) {

  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(location, "location");
  }
}
