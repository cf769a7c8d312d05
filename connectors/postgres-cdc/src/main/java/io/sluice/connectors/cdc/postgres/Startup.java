package io.sluice.connectors.cdc.postgres;

import java.util.Locale;

/** Where a source without state starts; a restored source continues from its checkpoint. */
public enum Startup {
  /** Reads the captured tables as they are (rows with op INSERT), then every change after. */
  INITIAL,
  /** Only changes committed after the source's replication slot was created. */
  LATEST;

  /** {@code initial}, or {@code latest} (alias {@code latest-offset}, Flink CDC's name). */
  public static Startup parse(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "initial":
        return INITIAL;
      case "latest":
      case "latest-offset":
        return LATEST;
      default:
        throw new IllegalArgumentException("Cannot start a PostgreSQL CDC source at '" + text
            + "': unknown startup mode. Use initial (snapshot, then changes) or latest.");
    }
  }
}
