package io.sluice.connectors.iceberg;

import java.util.Objects;

/**
 * How far an Iceberg source's enumerator has enumerated: not at all yet (before its first
 * discovery), or up to and including a snapshot ({@code null} when the table had none).
 */
final class EnumeratorPosition {
  static final EnumeratorPosition NOT_STARTED = new EnumeratorPosition(false, null);

  private final boolean started;
  private final Long snapshotId;

  private EnumeratorPosition(boolean started, Long snapshotId) {
    this.started = started;
    this.snapshotId = snapshotId;
  }

  static EnumeratorPosition at(Long snapshotId) {
    return new EnumeratorPosition(true, snapshotId);
  }

  boolean started() {
    return started;
  }

  /** The last enumerated snapshot; null for an empty table or before the start. */
  Long snapshotId() {
    return snapshotId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EnumeratorPosition
        && started == ((EnumeratorPosition) other).started
        && Objects.equals(snapshotId, ((EnumeratorPosition) other).snapshotId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(started, snapshotId);
  }

  @Override
  public String toString() {
    return !started ? "not started" : snapshotId == null ? "empty table" : "snapshot " + snapshotId;
  }
}
