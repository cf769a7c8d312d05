package io.sluice.core.model;

import java.util.Objects;

/**
 * Where something was defined: a file (relative to the pipeline folder when possible), a 1-based
 * line and a 1-based column. Every definition, reference and problem carries one.
 */
public record SourceLocation(String file, int line, int column) {

  /** For elements built in code (the Java builder API) rather than read from a file. */
  public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0, 0);

  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  public static SourceLocation of(String file, int line, int column) {
    return new SourceLocation(file, line, column);
  }

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public String toString() {
    return isKnown() ? file + ":" + line + ":" + column : file;
  }
}
