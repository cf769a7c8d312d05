package io.sluice.connectors.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * How a dataset's definition (schema and partition columns) compares with an existing Iceberg
 * table; the same contract as the Delta connector's comparison.
 *
 * <p>Types are compared as Iceberg stores them, so {@code VARCHAR(10)} and {@code STRING} are the
 * same, and so are {@code TIMESTAMP(3)} and {@code TIMESTAMP(6)}. Map keys are never null in
 * Iceberg, so their nullability is not compared. A definition that is {@code NOT NULL} where the
 * table allows nulls is a difference, but rows of such a definition can still be appended: see
 * {@link #isWritable()}.
 */
public final class SchemaComparison {
  private final List<String> differences;
  private final boolean writable;

  private SchemaComparison(List<String> differences, boolean writable) {
    this.differences = List.copyOf(differences);
    this.writable = writable;
  }

  /** Whether the table has exactly the definition's columns, types, nullability and partitions. */
  public boolean isSame() {
    return differences.isEmpty();
  }

  /** Whether rows of the definition can be appended to the table as it is. */
  public boolean isWritable() {
    return writable;
  }

  /** Each difference as a sentence, table side first; empty when {@link #isSame()}. */
  public List<String> differences() {
    return differences;
  }

  /** A one-line description: "same" or the differences joined with "; ". */
  public String describe() {
    return isSame() ? "same" : String.join("; ", differences);
  }

  @Override
  public String toString() {
    return describe();
  }

  static SchemaComparison between(Schema table, List<String> tablePartitions, Schema definition,
      List<String> definitionPartitions) {
    Collector collector = new Collector();
    collector.compareFields("", table.asStruct(), definition.asStruct());
    if (!tablePartitions.equals(definitionPartitions)) {
      collector.add(true, String.format("the table is partitioned by %s but the definition by %s",
          tablePartitions, definitionPartitions));
    }
    return new SchemaComparison(collector.differences, collector.writable);
  }

  /** Walks both schemas by column name and records the differences. */
  private static final class Collector {
    private final List<String> differences = new ArrayList<>();
    private boolean writable = true;

    void add(boolean blocksWrites, String difference) {
      differences.add(difference);
      writable &= !blocksWrites;
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
