package io.sluice.connectors.delta;

import io.sluice.connectors.schema.SchemaComparison;
import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTableTest {
  @TempDir Path dir;

  @Test
  void createIsIdempotentForTheSameDefinitionOnly() {
    DeltaTable table = DeltaTable.forPath(TestTables.uri(dir.resolve("t")));
    assertThat(table.exists()).isFalse();

    table.create(ID_NAME, List.of("name"), Map.of("sluice.owner", "flow-a"));
    table.create(ID_NAME, List.of("name"), Map.of("sluice.owner", "flow-a"));

    assertThat(table.exists()).isTrue();
    assertThat(table.latestVersion()).isZero();
    assertThat(table.schema()).isEqualTo(ID_NAME);
    assertThat(table.partitionColumns()).containsExactly("name");
    assertThatThrownBy(() -> table.create(ID_NAME, List.of(), Map.of()))
        .hasMessageStartingWith("Cannot create Delta table " + table.path()
            + ": it already exists with another definition (the table is partitioned by [name] "
            + "but the definition by [])");
    assertThatThrownBy(() -> table.create(ID_NAME, List.of("name"),
        Map.of("sluice.owner", "flow-b")))
        .hasMessageContaining("it already exists with sluice.owner=flow-a, not flow-b");
  }

  @Test
  void recordsTheLastTransactionVersionOfEachApplication() throws Exception {
    String path = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(path).create(ID_NAME, List.of(), Map.of());
    DeltaSinkConfig config =
        DeltaSink.builder(path, ID_NAME).applicationId("app-1").uidPrefix("t").config();

    new DeltaCommits(config, config.newEngine()).commitCheckpoint(7L,
        DeltaCommitterOperatorTest.files(config, 7L, TestTables.rows(0, 1)));

    DeltaTable table = DeltaTable.forPath(path);
    assertThat(table.latestTransactionVersion("app-1")).contains(7L);
    assertThat(table.latestTransactionVersion("app-2")).isEmpty();
    assertThat(table.latestVersion()).isEqualTo(1L);
  }

  @Test
  void comparisonDescribesEachDifferenceAndWhetherRowsCanStillBeAppended() {
    DeltaTable table = DeltaTable.forPath(TestTables.uri(dir.resolve("t")));
    table.create(row(DataTypes.FIELD("id", DataTypes.BIGINT()),
        DataTypes.FIELD("name", DataTypes.STRING()),
        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING()))), List.of(), Map.of());

    SchemaComparison same = table.compareWith(row(DataTypes.FIELD("id", DataTypes.BIGINT()),
        DataTypes.FIELD("name", DataTypes.VARCHAR(20)),
        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING()))), List.of());
    SchemaComparison stricter = table.compareWith(row(
        DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
        DataTypes.FIELD("name", DataTypes.STRING()),
        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING()))), List.of());
    SchemaComparison different = table.compareWith(row(
        DataTypes.FIELD("name", DataTypes.STRING()),
        DataTypes.FIELD("id", DataTypes.INT()),
        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.INT())),
        DataTypes.FIELD("extra", DataTypes.DATE())), List.of("name"));

    assertThat(same.isSame()).isTrue();
    assertThat(same.describe()).isEqualTo("same");
    assertThat(stricter.isSame()).isFalse();
    assertThat(stricter.isWritable()).isTrue();
    assertThat(stricter.differences())
        .containsExactly("column id is nullable in the table but NOT NULL in the definition");
    assertThat(different.isWritable()).isFalse();
    assertThat(different.differences()).containsExactly(
        "column id is BIGINT in the table but INT in the definition",
        "column tags.element is STRING in the table but INT in the definition",
        "column extra is in the definition but not in the table",
        "the columns are in the order [id, name, tags] in the table but [name, id, tags] in the "
            + "definition",
        "the table is partitioned by [] but the definition by [name]");
  }

  @Test
  void createsTimestampNtzTablesWithTheTableFeatureTheyNeed() throws Exception {
    String path = TestTables.uri(dir.resolve("all"));
    DeltaTable.forPath(path).create(TestRows.ALL_TYPES, List.of(), Map.of());

    TestTables.append(path, TestRows.ALL_TYPES, List.of(TestRows.full(1)));

    assertThat(DeltaTable.forPath(path).schema()).isEqualTo(TestRows.ALL_TYPES);
    assertThat(java.nio.file.Files.readString(dir.resolve("all/_delta_log/"
        + String.format("%020d.json", 0)))).contains("\"timestampNtz\"");
  }

  private static RowType row(DataTypes.Field... fields) {
    return (RowType) DataTypes.ROW(fields).notNull().getLogicalType();
  }
}
