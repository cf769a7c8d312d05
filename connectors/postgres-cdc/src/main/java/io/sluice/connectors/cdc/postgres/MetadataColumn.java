package io.sluice.connectors.cdc.postgres;

import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * The columns every change row ends with, after the table's own columns, in this order. None is
 * ever null.
 */
public enum MetadataColumn {
  /** {@code INSERT}, {@code UPDATE} or {@code DELETE}; rows of the initial snapshot are INSERT. */
  OP("_op", new VarCharType(false, VarCharType.MAX_LENGTH)),
  /**
   * The WAL position (LSN) of the change, as an unsigned 64-bit number in a BIGINT; 0 for rows of
   * the initial snapshot. For one key it grows strictly in commit order, also between changes of
   * one transaction, so it can order the changes of a key (SEQUENCE BY). It is not a global commit
   * order: changes of different keys in concurrent transactions may arrive with smaller values.
   */
  LSN("_lsn", new BigIntType(false)),
  /** The commit time of the change's transaction; for snapshot rows the time they were read. */
  COMMIT_TS("_commit_ts", new LocalZonedTimestampType(false, 3)),
  /** The captured table, as {@code schema.table}. */
  TABLE("_table", new VarCharType(false, VarCharType.MAX_LENGTH));

  private final String columnName;
  private final LogicalType type;

  MetadataColumn(String columnName, LogicalType type) {
    this.columnName = columnName;
    this.type = type;
  }

  public String columnName() {
    return columnName;
  }

  public LogicalType type() {
    return type;
  }

  /** The column of a name, or null when {@code name} is not a metadata column's. */
  static MetadataColumn named(String name) {
    for (MetadataColumn column : values()) {
      if (column.columnName.equals(name)) {
        return column;
      }
    }
    return null;
  }
}
