package io.sluice.connectors.cdc.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * A table a source captures, as read from the database's catalog by {@link
 * PostgresCdcInput#discoverTables()}: its columns with their Flink types (and nullability as
 * declared), its primary key, and whether its REPLICA IDENTITY is FULL (then DELETE rows carry
 * every column, otherwise only the key's).
 */
public record CapturedTable(String schema, String table, RowType columns, List<String> primaryKey,
    boolean replicaIdentityFull) {

  public CapturedTable {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(columns, "columns");
    primaryKey = List.copyOf(primaryKey);
    if (primaryKey.isEmpty()) {
      throw new IllegalArgumentException("Cannot capture table " + schema + "." + table
          + ": it has no primary key. Add one: changes are ordered and applied per key.");
    }
    for (String name : columns.getFieldNames()) {
      if (MetadataColumn.named(name) != null) {
        throw new IllegalArgumentException("Cannot capture table " + schema + "." + table
            + ": its column " + name + " has the name of a metadata column. Rename the column.");
      }
    }
    for (String key : primaryKey) {
      if (!columns.getFieldNames().contains(key)) {
        throw new IllegalArgumentException("Cannot capture table " + schema + "." + table
            + ": key column " + key + " is not one of its columns " + columns.getFieldNames());
      }
    }
  }

  /** {@code schema.table}, the value of the {@code _table} column of its rows. */
  public String qualifiedName() {
    return schema + "." + table;
  }

  /**
   * The type of this table's change rows: its columns, nullable except the key's (a DELETE without
   * REPLICA IDENTITY FULL carries only the key), then the {@link MetadataColumn}s.
   */
  public RowType rowType() {
    List<RowType.RowField> fields = new ArrayList<>();
    for (RowType.RowField field : columns.getFields()) {
      boolean key = primaryKey.contains(field.getName());
      fields.add(new RowType.RowField(field.getName(), field.getType().copy(!key)));
    }
    for (MetadataColumn column : MetadataColumn.values()) {
      fields.add(new RowType.RowField(column.columnName(), column.type()));
    }
    return new RowType(false, fields);
  }

  LogicalType typeOf(String column) {
    return columns.getTypeAt(columns.getFieldIndex(column));
  }
}
