package io.sluice.connectors.files;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/** Which column types each format can fill, checked once when a source is built. */
final class SupportedTypes {
  static final String LIST =
      "Supported types: BOOLEAN, TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, STRING,"
          + " CHAR, VARCHAR, BYTES, DATE, TIMESTAMP, TIMESTAMP_LTZ, and for JSON and Parquet also"
          + " ROW, ARRAY and MAP.";

  private static final Set<LogicalTypeRoot> SCALAR =
      EnumSet.of(
          LogicalTypeRoot.BOOLEAN, LogicalTypeRoot.TINYINT, LogicalTypeRoot.SMALLINT,
          LogicalTypeRoot.INTEGER, LogicalTypeRoot.BIGINT, LogicalTypeRoot.FLOAT,
          LogicalTypeRoot.DOUBLE, LogicalTypeRoot.DECIMAL, LogicalTypeRoot.CHAR,
          LogicalTypeRoot.VARCHAR, LogicalTypeRoot.BINARY, LogicalTypeRoot.VARBINARY,
          LogicalTypeRoot.DATE, LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE,
          LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

  private static final Set<LogicalTypeRoot> NESTED =
      EnumSet.of(LogicalTypeRoot.ROW, LogicalTypeRoot.ARRAY, LogicalTypeRoot.MAP);

  private SupportedTypes() {}

  /** Throws IllegalArgumentException naming the first column the format cannot fill. */
  static void check(RowType schema, FileFormat format) {
    for (RowType.RowField field : schema.getFields()) {
      check(field.getName(), field.getType(), format);
    }
  }

  /**
   * The same row type with every column and nested field nullable: any field may be missing from a
   * record, or rescued because it does not fit.
   */
  static RowType nullable(RowType schema) {
    return (RowType) nullable((LogicalType) schema);
  }

  private static LogicalType nullable(LogicalType type) {
    if (type instanceof RowType row) {
      List<RowType.RowField> fields = new ArrayList<>();
      for (RowType.RowField field : row.getFields()) {
        fields.add(new RowType.RowField(
            field.getName(), nullable(field.getType()), field.getDescription().orElse(null)));
      }
      return new RowType(true, fields);
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(true, nullable(array.getElementType()));
    }
    if (type instanceof MapType map) {
      return new MapType(true, map.getKeyType().copy(false), nullable(map.getValueType()));
    }
    return type.copy(true);
  }

  private static void check(String column, LogicalType type, FileFormat format) {
    LogicalTypeRoot root = type.getTypeRoot();
    if (SCALAR.contains(root)) {
      return;
    }
    if (!NESTED.contains(root)) {
      throw new IllegalArgumentException(
          "Cannot read column " + column + " of type " + type + ": unsupported type. " + LIST);
    }
    if (format == FileFormat.CSV) {
      throw new IllegalArgumentException(
          "Cannot read CSV column " + column + " of type " + type + ": CSV values are flat text."
              + " Declare the column STRING and parse it in the query.");
    }
    for (LogicalType child : type.getChildren()) {
      check(column, child, format);
    }
  }
}
