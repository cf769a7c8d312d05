package io.sluice.core.model;

import io.sluice.core.text.MappedText;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code WATERMARK FOR column AS expression} in a dataset's column list: the dataset's event time.
 * Streaming flows that read the dataset and use event time (windows, interval joins, event-time
 * OVER and MATCH_RECOGNIZE) see {@code column} as a rowtime attribute whose watermark trails the
 * newest event time by {@link #delay()}; batch flows ignore it.
 */
public record WatermarkSpec(String column, MappedText expression, SourceLocation location) {

  public WatermarkSpec {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(location, "location");
  }

  /**
   * How far the watermark trails the newest event time: zero for {@code AS column}, the interval
   * for {@code AS column - INTERVAL ...}.
   *
   * @throws IllegalArgumentException for any other expression, with a message that says why
   */
  public Duration delay() {
    return WatermarkExpression.delay(column, expression.text());
  }
}
