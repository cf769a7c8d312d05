package io.sluice.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What happens to the rows of a dataset with a watermark that arrive behind it in a streaming
 * flow that uses event time: table property {@code 'late.rows'}. Either way they are counted.
 */
public enum LateRows {
  /** Counted and dropped (the default). */
  DROP,
  /** Counted and written to the dataset's quarantine table with the reason {@code late}. */
  QUARANTINE;

  public static final String PROPERTY = "late.rows";

  /** {@code drop} or {@code quarantine}, in any case. */
  public static Optional<LateRows> parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("drop") ? Optional.of(DROP) : v.equals("quarantine") ? Optional.of(QUARANTINE) : Optional.empty();
  }

  /** The dataset's setting: DROP when the property is absent (an invalid value is a graph problem). */
  public static LateRows of(Dataset dataset) {
    return dataset.spec().property(PROPERTY).flatMap(LateRows::parse).orElse(DROP);
  }

  /**
   * Whether late rows of the dataset go to its quarantine table: it has a watermark, says so, and is
   * read as a stream (a streaming table or a temporary view; a materialized view is read whole).
   */
  public static boolean quarantines(Dataset dataset) {
    return dataset.spec().watermark().isPresent() && of(dataset) == QUARANTINE
        && (dataset.kind() == DatasetKind.STREAMING_TABLE || dataset.kind() == DatasetKind.TEMPORARY_VIEW);
  }
}
