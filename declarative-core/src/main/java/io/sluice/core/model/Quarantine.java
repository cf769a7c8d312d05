package io.sluice.core.model;

import java.util.Optional;

/**
 * Where a dataset's quarantined rows go: the table named by its {@code quarantine.table} property,
 * else {@code <dataset>_quarantine}, next to the dataset's own table. Rows failing a QUARANTINE
 * expectation go there, and so do late rows when the dataset says {@code 'late.rows' =
 * 'quarantine'} ({@link LateRows}), and the change events of an AUTO CDC flow with a NULL
 * sequence.
 */
public final class Quarantine {
  public static final String TABLE_PROPERTY = "quarantine.table";

  private Quarantine() {}

  /**
   * The quarantine table of a dataset, if one of its expectations quarantines rows or its late rows
   * are quarantined.
   */
  public static Optional<String> tableOf(Dataset dataset) {
    boolean quarantines = dataset.spec().expectations().stream()
        .anyMatch(e -> e.action() == ViolationAction.QUARANTINE) || LateRows.quarantines(dataset);
    if (!quarantines) {
      return Optional.empty();
    }
    return Optional.of(nameOf(dataset));
  }

  /** The name the dataset's quarantine table has or would have. */
  public static String nameOf(Dataset dataset) {
    return Names.normalize(dataset.spec().property(TABLE_PROPERTY).orElse(dataset.name() + "_quarantine"));
  }
}
