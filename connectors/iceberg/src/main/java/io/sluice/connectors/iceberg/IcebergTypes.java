package io.sluice.connectors.iceberg;

import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.apache.iceberg.Schema;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;

/**
 * Maps Flink row types to Iceberg schemas and back, through Iceberg's own {@link FlinkSchemaUtil}
 * so that the rows Sluice produces have exactly the layout Iceberg's Flink readers and writers use.
 *
 * <p>Types that would not come back as they went in are refused with the type to use instead:
 * {@code TINYINT} and {@code SMALLINT} (Iceberg stores them as {@code int}), timestamps finer than
 * microseconds (nanosecond timestamps need format v3) and {@code MULTISET}. Iceberg map keys are
 * never null, so a map read back has a {@code NOT NULL} key type; strings and binaries of a
 * declared length come back as {@code STRING} and {@code BYTES}.
 */
final class IcebergTypes {
  private static final int MAX_TIMESTAMP_PRECISION = 6;

  private IcebergTypes() {}

  /** The Iceberg schema of a Flink row type, with field ids 1, 2, ... in depth-first order. */
  static Schema toIceberg(RowType rowType) {
    for (RowType.RowField field : rowType.getFields()) {
      check(field.getName(), field.getType());
    }
    Type struct = FlinkSchemaUtil.convert(rowType);
    return TypeUtil.assignIncreasingFreshIds(new Schema(struct.asStructType().fields()));
  }

  /** The Flink row type ({@code NOT NULL} at the top, as every table row exists) of a schema. */
  static RowType toFlink(Schema schema) {
    return (RowType) FlinkSchemaUtil.convert(schema).copy(false);
  }

  /** An Iceberg type in Flink SQL words, for messages. */
  static String sqlName(Type type) {
    try {
      return FlinkSchemaUtil.convert(type).asSummaryString();
    } catch (RuntimeException e) {
      return type.toString();
    }
  }

  private static void check(String column, LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
      case INTEGER:
      case BIGINT:
      case FLOAT:
      case DOUBLE:
      case DECIMAL:
      case CHAR:
      case VARCHAR:
      case BINARY:
      case VARBINARY:
      case DATE:
      case TIME_WITHOUT_TIME_ZONE:
        return;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        checkPrecision(column, type, "TIMESTAMP(6)");
        return;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        checkPrecision(column, type, "TIMESTAMP_LTZ(6)");
        return;
      case ARRAY:
        check(column + ".element", ((ArrayType) type).getElementType());
        return;
      case MAP:
        check(column + ".key", ((MapType) type).getKeyType());
        check(column + ".value", ((MapType) type).getValueType());
        return;
      case ROW:
        for (RowType.RowField field : ((RowType) type).getFields()) {
          check(column + "." + field.getName(), field.getType());
        }
        return;
      default:
        throw unsupported(column, type);
    }
  }

  private static void checkPrecision(String column, LogicalType type, String castTo) {
    if (LogicalTypeChecks.getPrecision(type) > MAX_TIMESTAMP_PRECISION) {
      throw new IllegalArgumentException(String.format(
          "Cannot store column %s of type %s in an Iceberg table: Sluice writes format v2, which "
              + "keeps timestamps to the microsecond. Use CAST(%s AS %s).",
          column, type.asSummaryString(), column, castTo));
    }
  }

  private static IllegalArgumentException unsupported(String column, LogicalType type) {
    String hint;
    switch (type.getTypeRoot()) {
      case TINYINT:
      case SMALLINT:
        hint = "Iceberg stores it as INT and would read it back as INT. Use CAST(" + column
            + " AS INT).";
        break;
      case MULTISET:
        hint = "Iceberg has no multiset type. Use MAP<element, INT>.";
        break;
      case TIMESTAMP_WITH_TIME_ZONE:
        hint = "Use TIMESTAMP_LTZ(6).";
        break;
      default:
        hint = "Convert it to a supported type (STRING is always possible).";
    }
    return new IllegalArgumentException(String.format(
        "Cannot store column %s of type %s in an Iceberg table: %s",
        column, type.asSummaryString(), hint));
  }
}
