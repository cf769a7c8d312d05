package io.sluice.core.model;

import io.sluice.core.text.MappedText;
import java.util.Objects;

/** {@code WATERMARK FOR column AS expression} in a dataset's column list. */
public record WatermarkSpec(String column, MappedText expression, SourceLocation location) {

  public WatermarkSpec {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(location, "location");
  }
}
