package io.sluice.core.model;

import java.util.Locale;
import java.util.Optional;

/** How a persisted dataset is stored. Delta is the default. */
public enum TableFormat {
  DELTA,
  ICEBERG;

  public static Optional<TableFormat> parse(String text) {
    for (TableFormat f : values()) {
      if (f.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
