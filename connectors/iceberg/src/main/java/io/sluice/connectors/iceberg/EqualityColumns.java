package io.sluice.connectors.iceberg;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The columns rows are deleted by: Iceberg's rule for equality delete columns is that of
 * identifier fields (top-level or in required structs, primitive, not {@code float} or
 * {@code double}), except that they may be optional.
 */
final class EqualityColumns {
  private EqualityColumns() {}

  /** Fails unless the columns are distinct top-level columns of the schema that rows can be deleted by. */
  static void check(String tablePath, Schema schema, List<String> columns) {
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException(String.format(
          "Cannot apply changes to Iceberg table %s without equality columns: deletes name the "
              + "rows they remove by them. Pass the key columns.", tablePath));
    }
    Set<String> seen = new HashSet<>();
    for (String column : columns) {
      Types.NestedField field = schema.findField(column);
      if (field == null || schema.columns().stream().noneMatch(top -> top.fieldId() == field.fieldId())) {
        throw new IllegalArgumentException(String.format(
            "Cannot apply changes to Iceberg table %s by column %s: the table has no top-level "
                + "column of that name. Use some of %s.", tablePath, column, names(schema)));
      }
      if (!seen.add(column)) {
        throw new IllegalArgumentException(String.format(
            "Cannot use equality column more than once: %s (table %s)", column, tablePath));
      }
      if (!deletableBy(field.type())) {
        throw new IllegalArgumentException(String.format(
            "Cannot apply changes to Iceberg table %s by column %s of type %s: Iceberg deletes "
                + "rows by primitive columns other than FLOAT and DOUBLE only. Use a key of "
                + "another type (for example cast it to DECIMAL or STRING).",
            tablePath, column, IcebergTypes.sqlName(field.type())));
      }
    }
  }

  /** Whether Iceberg can delete rows by a column of this type. */
  static boolean deletableBy(Type type) {
    return type.isPrimitiveType() && type.typeId() != Type.TypeID.FLOAT
        && type.typeId() != Type.TypeID.DOUBLE;
  }

  private static String names(Schema schema) {
    return schema.columns().stream().map(Types.NestedField::name).collect(Collectors.joining(", "));
  }
}
