package io.sluice.runtime.cdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.RowKind;

/**
 * Folds a changelog into the table it describes, as the target's sink does: a multiset of rows,
 * where a retraction removes a row that is exactly equal to it and must find one.
 */
final class Changelogs {
  private Changelogs() {}

  /** The table of a changelog written as "+I(1,a,10)", as "(1,a,10)" rows. */
  static List<String> table(List<String> changes) {
    List<String> table = new ArrayList<>();
    for (String c : changes) {
      String row = c.substring(2);
      if (c.startsWith("+")) {
        table.add(row);
      } else if (!table.remove(row)) {
        throw new AssertionError("Cannot retract " + c + ": the table has no such row; it has " + table);
      }
    }
    return table;
  }

  /** The table of emitted rows (of {@code types}), compared field by field with equals. */
  static List<String> table(List<RowData> changes, LogicalType[] types) {
    Map<GenericRowData, Integer> table = new LinkedHashMap<>();
    for (RowData c : changes) {
      GenericRowData g = (GenericRowData) c;
      GenericRowData row = new GenericRowData(RowKind.INSERT, g.getArity());
      for (int i = 0; i < g.getArity(); i++) {
        row.setField(i, g.getField(i));
      }
      if (c.getRowKind() == RowKind.INSERT || c.getRowKind() == RowKind.UPDATE_AFTER) {
        table.merge(row, 1, Integer::sum);
      } else {
        Integer n = table.get(row);
        if (n == null) {
          throw new AssertionError("Cannot retract " + c.getRowKind().shortString() + Cdc.text(c, types)
              + ": the table has no row equal to it");
        }
        table.put(row, n - 1);
        table.remove(row, 0);
      }
    }
    List<String> out = new ArrayList<>();
    table.forEach((row, n) -> {
      for (int i = 0; i < n; i++) {
        out.add(Cdc.text(row, types));
      }
    });
    return out;
  }
}
