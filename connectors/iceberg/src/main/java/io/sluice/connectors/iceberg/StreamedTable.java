package io.sluice.connectors.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * The table an incremental source streams from, as its enumerator checks it: the current
 * snapshot, whether a position has reached a snapshot, and that the snapshots streamed so far
 * only appended (or compacted) data. Used from the enumerator's coordinator thread only.
 */
final class StreamedTable implements AutoCloseable {
  private final String path;
  private final TableLoader loader;
  private Table table;

  StreamedTable(String path, TableLoader loader) {
    this.path = path;
    this.loader = loader.clone();
  }

  /** The current snapshot id, freshly read. */
  Optional<Long> currentSnapshotId() {
    return Optional.ofNullable(refreshed().currentSnapshot()).map(Snapshot::snapshotId);
  }

  /** Whether a started position includes {@code target}: it is the target or a descendant. */
  boolean reached(EnumeratorPosition position, Optional<Long> target) {
    if (target.isEmpty()) {
      return true;
    }
    Long at = position.snapshotId();
    return at != null && (at.equals(target.get())
        || SnapshotUtil.isAncestorOf(refreshed(), at, target.get()));
  }

  /**
   * Fails unless the snapshots after {@code from} up to {@code to} (both started positions) only
   * appended or compacted data on {@code from}'s line of history.
   */
  void checkAppendOnly(EnumeratorPosition from, EnumeratorPosition to) {
    if (to.snapshotId() == null || to.snapshotId().equals(from.snapshotId())) {
      return;
    }
    Table current = refreshed();
    if (from.snapshotId() != null
        && !SnapshotUtil.isAncestorOf(current, to.snapshotId(), from.snapshotId())) {
      throw replaced(from);
    }
    for (Snapshot snapshot :
        SnapshotUtil.ancestorsBetween(current, to.snapshotId(), from.snapshotId())) {
      String operation = snapshot.operation();
      if (DataOperations.OVERWRITE.equals(operation) || DataOperations.DELETE.equals(operation)) {
        throw new IllegalStateException(String.format(
            "Cannot stream from table %s: snapshot %d replaced data (operation %s); streaming "
                + "reads need an append-only table. Full-refresh the reading dataset.",
            path, snapshot.snapshotId(), operation));
      }
    }
  }

  /** Fails if the line of history no longer contains what was streamed up to {@code position}. */
  void checkHistoryKept(EnumeratorPosition position) {
    if (position.snapshotId() == null) {
      return;
    }
    Snapshot current = refreshed().currentSnapshot();
    if (current == null
        || !SnapshotUtil.isAncestorOf(table, current.snapshotId(), position.snapshotId())) {
      throw replaced(position);
    }
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private IllegalStateException replaced(EnumeratorPosition position) {
    return new IllegalStateException(String.format(
        "Cannot stream from table %s: it was replaced or rolled back after %s, which this stream "
            + "had read up to. Full-refresh the reading dataset.", path, position));
  }

  private Table refreshed() {
    if (table == null) {
      loader.open();
      table = loader.loadTable();
    } else {
      table.refresh();
    }
    return table;
  }
}
