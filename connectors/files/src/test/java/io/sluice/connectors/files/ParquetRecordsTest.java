package io.sluice.connectors.files;

import static io.sluice.connectors.files.JsonRecordsTest.rescued;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetRecordsTest {
  @TempDir Path dir;

  @Test
  void convertsEveryParquetTypeToItsColumn() throws IOException {
    Path file = dir.resolve("orders.parquet");
    ParquetTestFiles.write(file, ParquetTestFiles.ORDERS, 1, 100, ParquetTestFiles::order);
    RowType schema = FileSchemaInference.parseSchema(
        "id BIGINT, name STRING, day DATE, ts TIMESTAMP(6), ltz TIMESTAMP_LTZ(3), amount DECIMAL(10, 2),"
            + " score DOUBLE, flag BOOLEAN, tags ARRAY<STRING>, attrs MAP<STRING, INT>,"
            + " address ROW<city STRING, zip INT>, note STRING");

    RowData row = readAll(file, schema).get(0);

    assertThat(row.getLong(0)).isZero();
    assertThat(row.getString(1).toString()).isEqualTo("order-0");
    assertThat(row.getInt(2)).isEqualTo(19_000);
    assertThat(row.getTimestamp(3, 6).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2023, 11, 14, 22, 13, 20, 123_456_000));
    assertThat(row.getTimestamp(4, 3).toInstant()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(row.getDecimal(5, 10, 2).toString()).isEqualTo("12.34");
    assertThat(row.getDouble(6)).isZero();
    assertThat(row.getBoolean(7)).isTrue();
    ArrayData tags = row.getArray(8);
    assertThat(tags.size()).isEqualTo(2);
    assertThat(tags.getString(0).toString()).isEqualTo("a");
    assertThat(tags.isNullAt(1)).isTrue();
    assertThat(row.getMap(9).valueArray().getInt(0)).isEqualTo(7);
    assertThat(row.getRow(10, 2).getString(0).toString()).isEqualTo("Oslo");
    assertThat(row.getString(11).toString()).isEqualTo("n0");
    assertThat(row.isNullAt(12)).as("nothing rescued").isTrue();
  }

  @Test
  void rescuesColumnsNotInTheSchemaAndValuesThatDoNotFit() throws IOException {
    Path file = dir.resolve("orders.parquet");
    ParquetTestFiles.write(file, ParquetTestFiles.ORDERS, 1, 100, ParquetTestFiles::order);
    RowType schema = FileSchemaInference.parseSchema("id INT, name INT, day DATE, amount DECIMAL(3, 1)");

    RowData row = readAll(file, schema).get(0);

    assertThat(row.getInt(0)).isZero();
    assertThat(row.isNullAt(1)).isTrue();
    assertThat(row.getInt(2)).isEqualTo((int) LocalDate.of(2022, 1, 8).toEpochDay());
    assertThat(row.isNullAt(3)).as("12.34 needs more digits").isTrue();
    assertThat(rescued(row))
        .containsEntry("name", "order-0")
        .containsEntry("amount", 12.34)
        .containsEntry("ts", "2023-11-14T22:13:20.123456")
        .containsEntry("ltz", "2023-11-14T22:13:20.123Z")
        .containsEntry("note", "n0")
        .containsKeys("score", "flag", "tags", "attrs", "address", "_file_path");
  }

  @Test
  void skipsRecordsAcrossRowGroupsOnResume() throws IOException {
    Path file = dir.resolve("many.parquet");
    ParquetTestFiles.write(file, ParquetTestFiles.ORDERS, 25, 10, ParquetTestFiles::order);
    RowType schema = FileSchemaInference.parseSchema("id BIGINT");

    org.apache.flink.core.fs.Path flinkPath = new org.apache.flink.core.fs.Path(file.toUri());
    try (var footer = ParquetRecords.footerReader(flinkPath.getFileSystem(), flinkPath)) {
      assertThat(footer.getRowGroups()).hasSize(3);
    }
    List<Long> ids = new ArrayList<>();
    try (RecordSource source = open(file)) {
      source.skip(13);
      for (ParsedRecord r = source.next(); r != null; r = source.next()) {
        ids.add((Long) r.fields().get("id"));
      }
    }

    assertThat(ids).hasSize(12).first().isEqualTo(13L);
    assertThat(ids).last().isEqualTo(24L);
    assertThat(readAll(file, schema)).hasSize(25);
  }

  @Test
  void decodesOnlyTheSelectedColumnsAndLeavesTheOthersNull() throws IOException {
    Path file = dir.resolve("orders.parquet");
    ParquetTestFiles.write(file, ParquetTestFiles.ORDERS, 3, 100, ParquetTestFiles::order);
    RowType schema = FileSchemaInference.parseSchema("id BIGINT, name INT, day DATE, note STRING");
    ReadColumns columns = ReadColumns.collecting();
    columns.add(List.of("id", "name"));
    java.util.Optional<java.util.Set<String>> selection = columns.selection("_rescued_data");

    List<ParsedRecord> records = new ArrayList<>();
    try (RecordSource source = RecordSource.open(FileFormat.PARQUET, FormatOptions.defaults(), List.of(),
        new org.apache.flink.core.fs.Path(file.toUri()), selection)) {
      for (ParsedRecord r = source.next(); r != null; r = source.next()) {
        records.add(r);
      }
    }
    RowData row = new RecordConverter(schema, true, selection).convert(records.get(2), file.toString());

    assertThat(records).hasSize(3);
    assertThat(records.get(0).fields()).as("only the selected fields are decoded").containsOnlyKeys("id", "name");
    assertThat(row.getLong(0)).isEqualTo(2L);
    assertThat(row.isNullAt(1)).as("'order-2' is no INT").isTrue();
    assertThat(row.isNullAt(2)).isTrue();
    assertThat(row.isNullAt(3)).isTrue();
    assertThat(rescued(row)).as("a selected value that does not fit is still rescued")
        .containsEntry("name", "order-2").doesNotContainKeys("note", "ts");
  }

  @Test
  void readsEveryColumnWhenTheRescuedColumnIsSelectedOrNothingIs() {
    ReadColumns withRescued = ReadColumns.collecting();
    withRescued.add(List.of("id", "_rescued_data"));
    ReadColumns nothing = ReadColumns.collecting();
    ReadColumns some = ReadColumns.collecting();
    some.add(List.of("id"));

    assertThat(withRescued.selection("_rescued_data")).isEmpty();
    assertThat(nothing.selection("_rescued_data")).isEmpty();
    assertThat(ReadColumns.all().selection(null)).isEmpty();
    assertThat(some.selection(null)).contains(java.util.Set.of("id"));
  }

  private static RecordSource open(Path file) throws IOException {
    return RecordSource.open(
        FileFormat.PARQUET, FormatOptions.defaults(), List.of(),
        new org.apache.flink.core.fs.Path(file.toUri()));
  }

  private static List<RowData> readAll(Path file, RowType schema) throws IOException {
    RecordConverter converter = new RecordConverter(schema, true);
    List<RowData> rows = new ArrayList<>();
    try (RecordSource source = open(file)) {
      for (ParsedRecord r = source.next(); r != null; r = source.next()) {
        rows.add(converter.convert(r, file.toString()));
      }
    }
    return rows;
  }
}
