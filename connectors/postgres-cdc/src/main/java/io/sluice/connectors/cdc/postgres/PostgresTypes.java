package io.sluice.connectors.cdc.postgres;

import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.FloatType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.SmallIntType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * PostgreSQL column types (as {@code pg_type.typname} and {@code pg_attribute.atttypmod}) to Flink
 * types, the way the rows are then decoded from Debezium's values by Flink CDC's converters:
 * int2/int4/int8 (and serials) to SMALLINT/INT/BIGINT, numeric(p,s) to DECIMAL(p,s) and numeric
 * without precision to DECIMAL(38,18) (as Flink CDC does), float4/float8 to FLOAT/DOUBLE, bool to
 * BOOLEAN, date to DATE, timestamp(p) to TIMESTAMP(p), timestamptz(p) to TIMESTAMP_LTZ(p), bytea to
 * BYTES, and text, varchar, char, uuid, json and jsonb to STRING. Anything else is refused rather
 * than read wrongly.
 */
final class PostgresTypes {
  static final String SUPPORTED = "int2, int4, int8, numeric, float4, float8, bool, date,"
      + " timestamp, timestamptz, bytea, text, varchar, char, uuid, json, jsonb";
  /** PostgreSQL's precision of timestamps when the column gives none. */
  private static final int DEFAULT_TIMESTAMP_PRECISION = 6;

  private PostgresTypes() {}

  /**
   * The Flink type of a column; throws with the column's name when the type is not supported.
   *
   * @param column {@code schema.table.column}, for the message
   * @param typeName {@code pg_type.typname}, e.g. {@code int4} or {@code _int4} for an array
   * @param typmod {@code pg_attribute.atttypmod}, -1 when the column has no modifier
   */
  static LogicalType toFlink(String column, String typeName, int typmod, boolean nullable) {
    switch (typeName) {
      case "int2":
        return new SmallIntType(nullable);
      case "int4":
        return new IntType(nullable);
      case "int8":
        return new BigIntType(nullable);
      case "numeric":
        return numeric(column, typmod, nullable);
      case "float4":
        return new FloatType(nullable);
      case "float8":
        return new DoubleType(nullable);
      case "bool":
        return new BooleanType(nullable);
      case "date":
        return new DateType(nullable);
      case "timestamp":
        return new TimestampType(nullable, timestampPrecision(typmod));
      case "timestamptz":
        return new LocalZonedTimestampType(nullable, timestampPrecision(typmod));
      case "bytea":
        return new VarBinaryType(nullable, VarBinaryType.MAX_LENGTH);
      case "text":
      case "varchar":
      case "bpchar":
      case "uuid":
      case "json":
      case "jsonb":
        return new VarCharType(nullable, VarCharType.MAX_LENGTH);
      default:
        throw new IllegalArgumentException("Cannot capture column " + column + " of type "
            + displayName(typeName) + ": not supported. Supported types: " + SUPPORTED
            + ". Leave the table out, or change the column's type.");
    }
  }

  private static LogicalType numeric(String column, int typmod, boolean nullable) {
    if (typmod < 0) {
      return new DecimalType(nullable, DecimalType.MAX_PRECISION, 18);
    }
    int precision = ((typmod - 4) >> 16) & 0xffff;
    int scale = (typmod - 4) & 0xffff;
    if (precision > DecimalType.MAX_PRECISION || scale > precision) {
      throw new IllegalArgumentException("Cannot capture column " + column + " of type numeric("
          + precision + "," + scale + "): Flink decimals have at most "
          + DecimalType.MAX_PRECISION + " digits and a scale between 0 and the precision.");
    }
    return new DecimalType(nullable, precision, scale);
  }

  private static int timestampPrecision(int typmod) {
    return typmod < 0 ? DEFAULT_TIMESTAMP_PRECISION : typmod;
  }

  private static String displayName(String typeName) {
    return typeName.startsWith("_") ? typeName.substring(1) + "[]" : typeName;
  }
}
