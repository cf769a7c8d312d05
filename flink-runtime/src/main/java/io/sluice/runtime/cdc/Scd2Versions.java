package io.sluice.runtime.cdc;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;

/**
 * The SCD type 2 versions of one key, from all of its events in sequence order. Each version is a
 * target row: the value columns, {@code __START_AT} (the sequence of the event that opened it) and
 * {@code __END_AT} (the sequence of the event that closed it, NULL for the current version).
 *
 * <p>An upsert opens the first version, or, when a tracked column changed, closes the current one
 * and opens the next; a change of untracked columns only updates the current version in place. A
 * delete closes the current version. With IGNORE NULL UPDATES a NULL value keeps the current
 * version's value. The versions depend only on the set of events, never on their arrival order.
 */
final class Scd2Versions {
  private final ChangeLayout layout;

  Scd2Versions(ChangeLayout layout) {
    this.layout = layout;
  }

  List<GenericRowData> of(List<ChangeEvent> sorted) {
    List<GenericRowData> versions = new ArrayList<>();
    GenericRowData values = null; // of the current version, if any
    Object start = null;
    for (ChangeEvent e : sorted) {
      if (e.delete()) {
        if (values != null) {
          versions.add(version(values, start, boundary(e)));
          values = null;
        }
        continue;
      }
      GenericRowData next = layout.ignoreNullUpdates() && values != null ? Rows.fillNulls(e.values(), values)
          : e.values();
      if (values == null) {
        start = boundary(e);
      } else if (Rows.differ(next, values, layout.tracked())) {
        versions.add(version(values, start, boundary(e)));
        start = boundary(e);
      }
      values = next;
    }
    if (values != null) {
      versions.add(version(values, start, null));
    }
    return versions;
  }

  /** The {@code __START_AT} of a version. */
  Object start(GenericRowData version) {
    return version.getField(layout.valueTypes().length);
  }

  /** An event's sequence as a {@code __START_AT} / {@code __END_AT} value. */
  private Object boundary(ChangeEvent e) {
    return layout.sequenceTypes().length == 1 ? e.sequence().getField(0) : e.sequence();
  }

  private static GenericRowData version(GenericRowData values, Object start, Object end) {
    int n = values.getArity();
    GenericRowData row = new GenericRowData(n + 2);
    for (int i = 0; i < n; i++) {
      row.setField(i, values.getField(i));
    }
    row.setField(n, start);
    row.setField(n + 1, end);
    return row;
  }
}
