package io.sluice.connectors.iceberg;

import io.sluice.connectors.schema.SchemaComparison;
import static io.sluice.connectors.iceberg.TestTables.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.conversion.DataStructureConverter;
import org.apache.flink.table.data.conversion.DataStructureConverters;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.types.Row;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergTableTest {
  private static final RowType PARTITIONED = (RowType) DataTypes.ROW(
      DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
      DataTypes.FIELD("day", DataTypes.DATE()),
      DataTypes.FIELD("name", DataTypes.STRING())).notNull().getLogicalType();

  @TempDir Path dir;

  @Test
  void createsAFormatV2TableWithIdentityPartitionsAndTheGivenSchema() {
    IcebergTable table = IcebergTable.forPath(TestTables.uri(dir.resolve("t")));
    assertThat(table.exists()).isFalse();

    table.create(PARTITIONED, List.of("day"), Map.of("write.target-file-size-bytes", "1000"));

    assertThat(table.exists()).isTrue();
    assertThat(table.schema()).isEqualTo(PARTITIONED);
    assertThat(table.partitionColumns()).containsExactly("day");
    assertThat(table.currentSnapshotId()).isEmpty();
    assertThat(table.count()).isZero();
    Table loaded = TestTables.load(table.path());
    assertThat(TableUtil.formatVersion(loaded)).isEqualTo(2);
    assertThat(loaded.properties()).containsEntry("write.target-file-size-bytes", "1000");
  }

  @Test
  void createIsIdempotentForTheSameDefinition() {
    IcebergTable table = IcebergTable.forPath(TestTables.uri(dir.resolve("t")) + "/");
    table.create(PARTITIONED, List.of("day"), Map.of("format-version", "2"));
    String metadata = TableUtil.metadataFileLocation(TestTables.load(table.path()));

    table.create(PARTITIONED, List.of("day"), Map.of("format-version", "2"));

    assertThat(TableUtil.metadataFileLocation(TestTables.load(table.path()))).isEqualTo(metadata);
    assertThat(table.compareWith(PARTITIONED, List.of("day")).isSame()).isTrue();
  }

  @Test
  void createRefusesAnExistingTableWithAnotherDefinitionAndSaysWhatDiffers() {
    IcebergTable table = IcebergTable.forPath(TestTables.uri(dir.resolve("t")));
    table.create(ID_NAME, List.of(), Map.of("owner", "a"));

    assertThatThrownBy(() -> table.create(PARTITIONED, List.of("day"), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot create Iceberg table %s: it already exists with another definition "
            + "(column id is nullable in the table but NOT NULL in the definition; column day is "
            + "in the definition but not in the table; the table is partitioned "
            + "by [] but the definition by [day]). Full-refresh the dataset to replace it, or "
            + "change the definition back.", table.path());
    assertThatThrownBy(() -> table.create(ID_NAME, List.of(), Map.of("owner", "b")))
        .hasMessageStartingWith("Cannot create Iceberg table " + table.path()
            + ": it already exists with owner=a, not b.");
  }

  @Test
  void comparisonReportsTypeAndNullabilityDifferencesAndWhetherRowsStillFit() {
    IcebergTable table = IcebergTable.forPath(TestTables.uri(dir.resolve("t")));
    table.create(PARTITIONED, List.of("day"), Map.of());

    SchemaComparison stricter = table.compareWith((RowType) DataTypes.ROW(
        DataTypes.FIELD("id", DataTypes.BIGINT().notNull()),
        DataTypes.FIELD("day", DataTypes.DATE()),
        DataTypes.FIELD("name", DataTypes.VARCHAR(5).notNull())).notNull().getLogicalType(),
        List.of("day"));
    SchemaComparison retyped = table.compareWith((RowType) DataTypes.ROW(
        DataTypes.FIELD("id", DataTypes.INT().notNull()),
        DataTypes.FIELD("day", DataTypes.DATE()),
        DataTypes.FIELD("name", DataTypes.STRING())).notNull().getLogicalType(), List.of("day"));

    assertThat(stricter.describe())
        .isEqualTo("column name is nullable in the table but NOT NULL in the definition");
    assertThat(stricter.isWritable()).isTrue();
    assertThat(retyped.describe())
        .isEqualTo("column id is BIGINT in the table but INT in the definition");
    assertThat(retyped.isWritable()).isFalse();
  }

  @Test
  void refusesToPartitionByAColumnThatIsNotThere() {
    IcebergTable table = IcebergTable.forPath(TestTables.uri(dir.resolve("t")));

    assertThatThrownBy(() -> table.create(ID_NAME, List.of("day"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot partition Iceberg table %s by day: the schema has no such column of "
            + "that name. Partition by one of [id, name].", table.path());
    assertThat(table.exists()).isFalse();
  }

  @Test
  void replaceLeavesAnEmptyTableWithTheNewDefinitionInOneNewSnapshot() {
    String path = TestTables.create(dir.resolve("t"));
    TestTables.append(path, 0, 5);
    IcebergTable table = IcebergTable.forPath(path);
    long before = table.currentSnapshotId().orElseThrow();
    int snapshotsBefore = snapshotCount(path);

    table.replace(PARTITIONED, List.of("day"), Map.of());

    assertThat(table.schema()).isEqualTo(PARTITIONED);
    assertThat(table.partitionColumns()).containsExactly("day");
    assertThat(table.count()).isZero();
    assertThat(TestTables.readIdName(path)).isEmpty();
    assertThat(snapshotCount(path)).isEqualTo(snapshotsBefore + 1);
    assertThat(table.currentSnapshotId()).isPresent().get().isNotEqualTo(before);
    assertThat(TestTables.load(path).snapshot(before)).as("history is kept").isNotNull();
  }

  @Test
  void replaceCreatesAMissingTable() {
    IcebergTable table = IcebergTable.forPath(TestTables.uri(dir.resolve("t")));

    table.replace(ID_NAME, List.of(), Map.of());

    assertThat(table.schema()).isEqualTo(ID_NAME);
  }

  @Test
  void readsCountsAndSumsAddedRowsOfTheCurrentSnapshot() {
    String path = TestTables.create(dir.resolve("t"));
    IcebergTable table = IcebergTable.forPath(path);
    TestTables.append(path, 0, 3);
    Optional<Long> afterFirst = table.currentSnapshotId();
    TestTables.append(path, 3, 7);

    assertThat(table.count()).isEqualTo(7);
    assertThat(table.read(-1)).extracting(row -> row.getLong(0))
        .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(table.read(2)).hasSize(2);
    assertThat(table.rowsAddedSince(afterFirst)).isEqualTo(4);
    assertThat(table.rowsAddedSince(Optional.empty())).isEqualTo(7);
  }

  @Test
  void valuesOfEveryTypeComeBackAsIcebergsFlinkWriterWroteThem() throws Exception {
    IcebergTable table = IcebergTable.forPath(TestTables.uri(dir.resolve("all")));
    table.create(TestRows.ALL_TYPES, List.of(), Map.of());
    List<RowData> rows = List.of(TestRows.full(1), TestRows.full(2), TestRows.nulls(3));
    Table loaded = TestTables.load(table.path());
    RowDataTaskWriterFactory factory = new RowDataTaskWriterFactory(loaded, table.schema(),
        1 << 20, FileFormat.PARQUET, loaded.properties(), null, false);
    factory.initialize(0, 0);
    TaskWriter<RowData> writer = factory.create();
    for (RowData row : rows) {
      writer.write(row);
    }
    org.apache.iceberg.AppendFiles append = loaded.newAppend();
    for (org.apache.iceberg.DataFile file : writer.dataFiles()) {
      append.appendFile(file);
    }
    append.commit();

    assertThat(external(table.read(-1))).containsExactlyInAnyOrderElementsOf(external(rows));
  }

  /** Rows as Flink's external {@link Row}s, whose equality compares values deeply. */
  private static List<Row> external(List<RowData> rows) {
    DataStructureConverter<Object, Object> converter = DataStructureConverters.getConverter(
        TypeConversions.fromLogicalToDataType(TestRows.ALL_TYPES));
    return rows.stream().map(row -> (Row) converter.toExternalOrNull(row))
        .collect(Collectors.toList());
  }

  private static int snapshotCount(String path) {
    int count = 0;
    for (org.apache.iceberg.Snapshot ignored : TestTables.load(path).snapshots()) {
      count++;
    }
    return count;
  }
}
