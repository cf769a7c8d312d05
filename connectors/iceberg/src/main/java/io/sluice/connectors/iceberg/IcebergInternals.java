package io.sluice.connectors.iceberg;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.iceberg.flink.source.enumerator.IcebergEnumeratorState;

/**
 * The one place that reaches into Iceberg 1.11's non-public API: the snapshot id of the
 * enumerator's position. {@code IcebergEnumeratorState.lastEnumeratedPosition()} is public, but
 * its type and {@code snapshotId()} are package-private. Pinned to the Iceberg version in the root
 * pom; {@code CatchUpEnumeratorTest} fails first if an upgrade changes it.
 */
final class IcebergInternals {
  private IcebergInternals() {}

  /** Where the enumerator of a continuous Iceberg source stands, from its checkpoint state. */
  static EnumeratorPosition position(IcebergEnumeratorState state) {
    Object position = state.lastEnumeratedPosition();
    if (position == null) {
      return EnumeratorPosition.NOT_STARTED;
    }
    try {
      Method snapshotId = position.getClass().getDeclaredMethod("snapshotId");
      snapshotId.setAccessible(true);
      return EnumeratorPosition.at((Long) snapshotId.invoke(position));
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException
        | ClassCastException e) {
      throw new IllegalStateException("Cannot read the snapshot position of Iceberg's source "
          + "enumerator (" + position.getClass().getName() + "): this Iceberg version differs from "
          + "the one Sluice was built for. Use Iceberg 1.11.x or update IcebergInternals.", e);
    }
  }
}
