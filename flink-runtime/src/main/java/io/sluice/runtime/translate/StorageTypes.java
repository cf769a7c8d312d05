package io.sluice.runtime.translate;

import java.util.List;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BinaryType;
import org.apache.flink.table.types.logical.CharType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * The types a dataset has once stored: what a table format can keep, which is also what a reader
 * of the table gets back. Strings lose their length, binaries too, timestamps are kept in
 * microseconds, and columns are nullable unless declared NOT NULL. Planning downstream flows
 * against these types (not against the types the query happened to produce) keeps plans stable
 * and equal to what reading the table gives.
 */
public final class StorageTypes {
  private StorageTypes() {}

  /**
   * Stored form for a table format: Iceberg has no 8- or 16-bit integers, so they are stored (and
   * read back) as INT; the query's result is cast accordingly.
   */
  public static RowType forFormat(RowType stored, io.sluice.core.model.TableFormat format) {
    if (format != io.sluice.core.model.TableFormat.ICEBERG) {
      return stored;
    }
    return (RowType) widenSmallInts(stored);
  }

  private static LogicalType widenSmallInts(LogicalType t) {
    if (t instanceof org.apache.flink.table.types.logical.TinyIntType
        || t instanceof org.apache.flink.table.types.logical.SmallIntType) {
      return new org.apache.flink.table.types.logical.IntType(t.isNullable());
    }
    if (t instanceof ArrayType a) {
      return new ArrayType(a.isNullable(), widenSmallInts(a.getElementType()));
    }
    if (t instanceof MapType m) {
      return new MapType(m.isNullable(), widenSmallInts(m.getKeyType()), widenSmallInts(m.getValueType()));
    }
    if (t instanceof RowType r) {
      return new RowType(r.isNullable(), r.getFields().stream()
          .map(f -> new RowType.RowField(f.getName(), widenSmallInts(f.getType()), f.getDescription().orElse(null)))
          .toList());
    }
    return t;
  }

  /** Stored form of a query result: every column nullable. */
  public static RowType ofQuery(RowType type) {
    List<RowType.RowField> fields = type.getFields().stream()
        .map(f -> new RowType.RowField(f.getName(), stored(f.getType()).copy(true), f.getDescription().orElse(null)))
        .toList();
    return new RowType(true, fields);
  }

  /** Stored form of a declared schema: nullability as declared. */
  public static RowType ofDeclared(RowType type) {
    return (RowType) stored(type);
  }

  static LogicalType stored(LogicalType t) {
    boolean n = t.isNullable();
    if (t instanceof CharType || t instanceof VarCharType) {
      return new VarCharType(n, VarCharType.MAX_LENGTH);
    }
    if (t instanceof BinaryType || t instanceof VarBinaryType) {
      return new VarBinaryType(n, VarBinaryType.MAX_LENGTH);
    }
    if (t instanceof TimestampType) {
      return new TimestampType(n, 6);
    }
    if (t instanceof LocalZonedTimestampType) {
      return new LocalZonedTimestampType(n, 6);
    }
    if (t instanceof ArrayType a) {
      return new ArrayType(n, stored(a.getElementType()));
    }
    if (t instanceof MultisetType m) {
      return new MapType(n, stored(m.getElementType()), new org.apache.flink.table.types.logical.IntType(false));
    }
    if (t instanceof MapType m) {
      return new MapType(n, stored(m.getKeyType()), stored(m.getValueType()));
    }
    if (t instanceof RowType r) {
      return new RowType(n, r.getFields().stream()
          .map(f -> new RowType.RowField(f.getName(), stored(f.getType()), f.getDescription().orElse(null)))
          .toList());
    }
    return t;
  }
}
