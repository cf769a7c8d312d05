package io.sluice.connectors.cdc.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The one row type of a source that captures several tables: every column of every table, by
 * name, in the order of the tables and of their columns, then the {@link MetadataColumn}s. A row
 * of one table has NULL in the columns only other tables have. A column is NOT NULL only when it is
 * a primary-key column of every table, so the layout of one table is its {@link
 * CapturedTable#rowType()}. Two tables may share a column only if it has the same type in both.
 */
final class UnionLayout {
  private final RowType rowType;
  private final Map<String, int[]> positions;

  private UnionLayout(RowType rowType, Map<String, int[]> positions) {
    this.rowType = rowType;
    this.positions = positions;
  }

  static UnionLayout of(List<CapturedTable> tables) {
    Map<String, LogicalType> columns = new LinkedHashMap<>();
    Map<String, CapturedTable> firstOwner = new LinkedHashMap<>();
    Map<String, Integer> keyCount = new LinkedHashMap<>();
    for (CapturedTable table : tables) {
      for (RowType.RowField field : table.columns().getFields()) {
        String name = field.getName();
        LogicalType type = field.getType().copy(true);
        LogicalType seen = columns.putIfAbsent(name, type);
        if (seen != null && !seen.equals(type)) {
          CapturedTable other = firstOwner.get(name);
          throw new IllegalArgumentException("Cannot capture " + other.qualifiedName() + " and "
              + table.qualifiedName() + " with one source: column " + name + " is "
              + seen.asSummaryString() + " in " + other.qualifiedName() + " but "
              + type.asSummaryString() + " in " + table.qualifiedName()
              + ". Capture them with one source each.");
        }
        firstOwner.putIfAbsent(name, table);
        if (table.primaryKey().contains(name)) {
          keyCount.merge(name, 1, Integer::sum);
        }
      }
    }
    List<RowType.RowField> fields = new ArrayList<>();
    List<String> names = new ArrayList<>(columns.keySet());
    for (String name : names) {
      boolean keyEverywhere = keyCount.getOrDefault(name, 0) == tables.size();
      fields.add(new RowType.RowField(name, columns.get(name).copy(!keyEverywhere)));
    }
    for (MetadataColumn column : MetadataColumn.values()) {
      fields.add(new RowType.RowField(column.columnName(), column.type()));
    }
    Map<String, int[]> positions = new LinkedHashMap<>();
    for (CapturedTable table : tables) {
      List<String> tableColumns = table.columns().getFieldNames();
      int[] at = new int[tableColumns.size()];
      for (int i = 0; i < at.length; i++) {
        at[i] = names.indexOf(tableColumns.get(i));
      }
      if (positions.put(table.qualifiedName(), at) != null) {
        throw new IllegalArgumentException("Cannot capture table " + table.qualifiedName()
            + " twice with one source: list it once.");
      }
    }
    return new UnionLayout(new RowType(false, fields), positions);
  }

  RowType rowType() {
    return rowType;
  }

  /** For each column of the table, its position in {@link #rowType()}. */
  int[] positions(String qualifiedTable) {
    return positions.get(qualifiedTable).clone();
  }

  /** The position of a metadata column in {@link #rowType()}. */
  int position(MetadataColumn column) {
    return rowType.getFieldCount() - MetadataColumn.values().length + column.ordinal();
  }
}
