package io.sluice.runtime.exec;

import io.sluice.core.model.ViolationAction;
import java.util.List;
import java.util.Objects;

/**
 * What a dataset's expectations found in one update: rows that arrived at the dataset, what
 * happened to them, and per expectation how many rows passed and failed. Rows in = kept + dropped
 * + quarantined.
 */
public record DatasetQuality(String dataset, long rowsIn, long rowsKept, long rowsDropped,
    long rowsQuarantined, List<CheckResult> checks) {

  public DatasetQuality {
    Objects.requireNonNull(dataset, "dataset");
    checks = List.copyOf(checks);
  }

  /** One expectation's counts. */
  public record CheckResult(String name, ViolationAction action, long passed, long failed) {}
}
