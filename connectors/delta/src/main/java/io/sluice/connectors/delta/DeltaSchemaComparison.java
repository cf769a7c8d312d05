package io.sluice.connectors.delta;

import io.sluice.connectors.schema.SchemaComparison;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Walks a dataset's definition and an existing Delta table in Delta's own types (so {@code
 * VARCHAR(10)} and {@code STRING} are the same, and so are {@code TIMESTAMP(3)} and {@code
 * TIMESTAMP(6)}) and reports the differences as a {@link SchemaComparison}.
 */
final class DeltaSchemaComparison {
  private DeltaSchemaComparison() {}

  static SchemaComparison between(StructType table, List<String> tablePartitions,
      StructType definition, List<String> definitionPartitions) {
    Collector collector = new Collector();
    collector.compareFields("", table, definition);
    if (!tablePartitions.equals(definitionPartitions)) {
      collector.add(true, String.format(
          "the table is partitioned by %s but the definition by %s",
          tablePartitions, definitionPartitions));
    }
    return collector.build();
  }

  /** Walks both schemas and records the differences. */
  private static final class Collector {
    private final SchemaComparison.Builder result = SchemaComparison.builder();

    void add(boolean blocksWrites, String difference) {
      result.add(blocksWrites, difference);
    }

    SchemaComparison build() {
      return result.build();
    }

    void compareFields(String owner, StructType table, StructType definition) {
      String prefix = owner.isEmpty() ? "" : owner + ".";
      Map<String, StructField> tableFields = byName(table);
      Map<String, StructField> definitionFields = byName(definition);
      List<String> tableNames = List.copyOf(tableFields.keySet());
      List<String> definitionNames = List.copyOf(definitionFields.keySet());
      for (String name : tableNames) {
        StructField other = definitionFields.get(name);
        if (other == null) {
          add(true, String.format("column %s%s is in the table but not in the definition",
              prefix, name));
        } else {
          StructField field = tableFields.get(name);
          compare(prefix + name, field.getDataType(), field.isNullable(), other.getDataType(),
              other.isNullable());
        }
      }
      for (String name : definitionNames) {
        if (!tableFields.containsKey(name)) {
          add(true, String.format("column %s%s is in the definition but not in the table",
              prefix, name));
        }
      }
      List<String> common = tableNames.stream().filter(definitionFields::containsKey)
          .collect(Collectors.toList());
      List<String> commonInDefinitionOrder = definitionNames.stream()
          .filter(tableFields::containsKey).collect(Collectors.toList());
      if (!common.equals(commonInDefinitionOrder)) {
        add(true, String.format("%s are in the order %s in the table but %s in the definition",
            owner.isEmpty() ? "the columns" : "the fields of " + owner, common,
            commonInDefinitionOrder));
      }
    }

    void compare(String column, DataType table, boolean tableNullable, DataType definition,
        boolean definitionNullable) {
      if (tableNullable != definitionNullable) {
        add(!tableNullable, String.format("column %s is %s in the table but %s in the definition",
            column, nullability(tableNullable), nullability(definitionNullable)));
      }
      if (table instanceof StructType && definition instanceof StructType) {
        compareFields(column, (StructType) table, (StructType) definition);
      } else if (table instanceof ArrayType && definition instanceof ArrayType) {
        ArrayType a = (ArrayType) table;
        ArrayType b = (ArrayType) definition;
        compare(column + ".element", a.getElementType(), a.containsNull(), b.getElementType(),
            b.containsNull());
      } else if (table instanceof MapType && definition instanceof MapType) {
        MapType a = (MapType) table;
        MapType b = (MapType) definition;
        compare(column + ".key", a.getKeyType(), false, b.getKeyType(), false);
        compare(column + ".value", a.getValueType(), a.isValueContainsNull(), b.getValueType(),
            b.isValueContainsNull());
      } else if (!table.equivalent(definition)) {
        add(true, String.format("column %s is %s in the table but %s in the definition",
            column, sqlName(table), sqlName(definition)));
      }
    }

    private static Map<String, StructField> byName(StructType struct) {
      return struct.fields().stream().collect(Collectors.toMap(StructField::getName,
          Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static String nullability(boolean nullable) {
      return nullable ? "nullable" : "NOT NULL";
    }

    private static String sqlName(DataType type) {
      try {
        return DeltaTypes.toFlink("", type, true).asSummaryString();
      } catch (IllegalArgumentException e) {
        return type.toString();
      }
    }
  }
}
