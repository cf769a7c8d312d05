package io.sluice.connectors.iceberg;

import io.sluice.connectors.schema.SchemaComparison;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.types.Types;

/** Builds the partition spec of a definition and checks an existing table against one. */
final class TableDefinition {
  private TableDefinition() {}

  /** Identity partitioning on the given columns, which must be primitive columns of the schema. */
  static PartitionSpec spec(String path, Schema schema, List<String> partitionColumns) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (String column : partitionColumns) {
      Types.NestedField field = schema.findField(column);
      if (field == null || !field.type().isPrimitiveType()) {
        throw new IllegalArgumentException(String.format(
            "Cannot partition Iceberg table %s by %s: the schema has no %s column of that name. "
                + "Partition by one of %s.",
            path, column, field == null ? "such" : "primitive", primitiveColumns(schema)));
      }
      builder.identity(column);
    }
    return builder.build();
  }

  /** Fails unless the table has this schema, these partition columns and these properties. */
  static void checkSame(Table table, Schema schema, List<String> partitionColumns,
      Map<String, String> properties) {
    SchemaComparison comparison = IcebergSchemaComparison.between(table.schema(),
        IcebergTable.partitionColumns(table), schema, partitionColumns);
    if (!comparison.isSame()) {
      throw new IllegalStateException(String.format(
          "Cannot create Iceberg table %s: it already exists with another definition (%s). "
              + "Full-refresh the dataset to replace it, or change the definition back.",
          table.location(), comparison.describe()));
    }
    properties.forEach((key, value) -> {
      String existing = IcebergTable.FORMAT_VERSION.equals(key)
          ? String.valueOf(TableUtil.formatVersion(table)) : table.properties().get(key);
      if (!value.equals(existing)) {
        throw new IllegalStateException(String.format(
            "Cannot create Iceberg table %s: it already exists with %s=%s, not %s. "
                + "Full-refresh the dataset to replace it, or change the property back.",
            table.location(), key, existing, value));
      }
    });
  }

  private static List<String> primitiveColumns(Schema schema) {
    return schema.columns().stream().filter(field -> field.type().isPrimitiveType())
        .map(Types.NestedField::name).collect(Collectors.toList());
  }
}
