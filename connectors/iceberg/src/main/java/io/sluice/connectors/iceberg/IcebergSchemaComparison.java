package io.sluice.connectors.iceberg;

import io.sluice.connectors.schema.SchemaComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Walks a dataset's definition and an existing Iceberg table in Iceberg's own types (so {@code
 * VARCHAR(10)} and {@code STRING} are the same, and so are {@code TIMESTAMP(3)} and {@code
 * TIMESTAMP(6)}) and reports the differences as a {@link SchemaComparison}. Map keys are never null in
 * Iceberg, so their nullability is not compared.
 */
final class IcebergSchemaComparison {
  private IcebergSchemaComparison() {}

  static SchemaComparison between(Schema table, List<String> tablePartitions, Schema definition,
      List<String> definitionPartitions) {
    Collector collector = new Collector();
    collector.compareFields("", table.asStruct(), definition.asStruct());
    if (!tablePartitions.equals(definitionPartitions)) {
      collector.add(true, String.format("the table is partitioned by %s but the definition by %s",
          tablePartitions, definitionPartitions));
    }
    return collector.build();
  }

  /** Walks both schemas by column name and records the differences. */
  private static final class Collector {
    private final SchemaComparison.Builder result = SchemaComparison.builder();

    void add(boolean blocksWrites, String difference) {
      result.add(blocksWrites, difference);
    }

    SchemaComparison build() {
      return result.build();
    }

    void compareFields(String owner, Types.StructType table, Types.StructType definition) {
      String prefix = owner.isEmpty() ? "" : owner + ".";
      for (Types.NestedField field : table.fields()) {
        Types.NestedField other = definition.field(field.name());
        if (other == null) {
          add(true, String.format("column %s%s is in the table but not in the definition",
              prefix, field.name()));
        } else {
          compare(prefix + field.name(), field.type(), field.isOptional(), other.type(),
              other.isOptional());
        }
      }
      for (Types.NestedField field : definition.fields()) {
        if (table.field(field.name()) == null) {
          add(true, String.format("column %s%s is in the definition but not in the table",
              prefix, field.name()));
        }
      }
      List<String> common = names(table, definition);
      List<String> commonInDefinitionOrder = names(definition, table);
      if (!common.equals(commonInDefinitionOrder)) {
        add(true, String.format("%s are in the order %s in the table but %s in the definition",
            owner.isEmpty() ? "the columns" : "the fields of " + owner, common,
            commonInDefinitionOrder));
      }
    }

    void compare(String column, Type table, boolean tableNullable, Type definition,
        boolean definitionNullable) {
      if (tableNullable != definitionNullable) {
        add(!tableNullable, String.format("column %s is %s in the table but %s in the definition",
            column, nullability(tableNullable), nullability(definitionNullable)));
      }
      if (table.isStructType() && definition.isStructType()) {
        compareFields(column, table.asStructType(), definition.asStructType());
      } else if (table.isListType() && definition.isListType()) {
        compare(column + ".element", table.asListType().elementType(),
            table.asListType().isElementOptional(), definition.asListType().elementType(),
            definition.asListType().isElementOptional());
      } else if (table.isMapType() && definition.isMapType()) {
        compare(column + ".key", table.asMapType().keyType(), false,
            definition.asMapType().keyType(), false);
        compare(column + ".value", table.asMapType().valueType(),
            table.asMapType().isValueOptional(), definition.asMapType().valueType(),
            definition.asMapType().isValueOptional());
      } else if (!table.equals(definition)) {
        add(true, String.format("column %s is %s in the table but %s in the definition",
            column, IcebergTypes.sqlName(table), IcebergTypes.sqlName(definition)));
      }
    }

    private static List<String> names(Types.StructType struct, Types.StructType other) {
      return struct.fields().stream().map(Types.NestedField::name)
          .filter(name -> other.field(name) != null).collect(Collectors.toList());
    }

    private static String nullability(boolean nullable) {
      return nullable ? "nullable" : "NOT NULL";
    }
  }
}
