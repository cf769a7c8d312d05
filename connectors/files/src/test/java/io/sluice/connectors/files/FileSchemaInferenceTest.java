package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSchemaInferenceTest {
  @TempDir Path dir;

  @Test
  void infersJsonTypesWideningConflictsInOrderOfFirstAppearance() throws IOException {
    write("a.json", 1, "{\"id\":1,\"score\":2,\"tag\":\"x\",\"maybe\":null,\"flag\":true}");
    write("b.json", 2, "{\"id\":2,\"score\":2.5,\"tag\":7,\"extra\":[1,2.5],\"flag\":false}");

    RowType type = FileSchemaInference.of(uri(), FileFormat.JSON).infer();

    assertThat(type.asSummaryString())
        .isEqualTo("ROW<`id` BIGINT, `score` DOUBLE, `tag` STRING, `maybe` STRING, `flag` BOOLEAN,"
            + " `extra` ARRAY<DOUBLE>>");
  }

  @Test
  void infersNestedRowsAndArraysMergingTheirFields() throws IOException {
    write("a.json", 1,
        "{\"user\":{\"name\":\"a\",\"age\":3},\"items\":[{\"sku\":\"x\"}],\"empty\":{}}",
        "{\"user\":{\"name\":\"b\",\"email\":\"e\"},\"items\":[{\"qty\":2}],\"none\":[]}");

    RowType type = FileSchemaInference.of(uri(), FileFormat.JSON).infer();

    assertThat(type.asSummaryString())
        .isEqualTo("ROW<`user` ROW<`name` STRING, `age` BIGINT, `email` STRING>,"
            + " `items` ARRAY<ROW<`sku` STRING, `qty` BIGINT>>, `empty` STRING, `none` ARRAY<STRING>>");
  }

  @Test
  void infersStringLeavesWhenJsonTypeInferenceIsOff() throws IOException {
    write("a.json", 1, "{\"id\":1,\"nested\":{\"ok\":true}}");

    RowType type = FileSchemaInference.of(uri(), FileFormat.JSON)
        .formatOptions(Map.of("inferColumnTypes", "false")).infer();

    assertThat(type.asSummaryString()).isEqualTo("ROW<`id` STRING, `nested` ROW<`ok` STRING>>");
  }

  @Test
  void ignoresMalformedRecordsAndStopsAfterTheSampleSize() throws IOException {
    write("a.json", 1, "not json", "{\"a\":1}");
    write("b.json", 2, "{\"b\":1}");

    RowType sampled = FileSchemaInference.of(uri(), FileFormat.JSON).sampleRecords(2).infer();
    RowType oneFile = FileSchemaInference.of(uri(), FileFormat.JSON).sampleFiles(1).infer();

    assertThat(sampled.getFieldNames()).containsExactly("a");
    assertThat(oneFile.getFieldNames()).containsExactly("a");
  }

  @Test
  void infersCsvColumnsAsStringsUnlessAskedToTypeThem() throws IOException {
    write("a.csv", 1, "id,price,ok,name,blank", "1,2.5,true,x,", "2,3,false,7,");

    RowType strings = FileSchemaInference.of(uri(), FileFormat.CSV).infer();
    RowType typed = FileSchemaInference.of(uri(), FileFormat.CSV)
        .formatOptions(Map.of("inferColumnTypes", "true")).infer();

    assertThat(strings.asSummaryString())
        .isEqualTo("ROW<`id` STRING, `price` STRING, `ok` STRING, `name` STRING, `blank` STRING>");
    assertThat(typed.asSummaryString())
        .isEqualTo("ROW<`id` BIGINT, `price` DOUBLE, `ok` BOOLEAN, `name` STRING, `blank` STRING>");
  }

  @Test
  void namesCsvColumnsByPositionWithoutHeader() throws IOException {
    write("a.csv", 1, "1,x", "2,y,z");

    RowType type = FileSchemaInference.of(uri(), FileFormat.CSV)
        .formatOptions(Map.of("header", "false", "inferColumnTypes", "true")).infer();

    assertThat(type.asSummaryString()).isEqualTo("ROW<`_c0` BIGINT, `_c1` STRING, `_c2` STRING>");
  }

  @Test
  void readsTheSchemaFromParquetFooters() throws IOException {
    ParquetTestFiles.write(dir.resolve("o.parquet"), ParquetTestFiles.ORDERS, 1, 10, ParquetTestFiles::order);

    RowType type = FileSchemaInference.of(uri(), FileFormat.PARQUET).infer();

    assertThat(type.asSummaryString())
        .isEqualTo("ROW<`id` BIGINT, `name` STRING, `day` DATE, `ts` TIMESTAMP(6),"
            + " `ltz` TIMESTAMP_LTZ(3), `amount` DECIMAL(10, 2), `score` DOUBLE, `flag` BOOLEAN,"
            + " `tags` ARRAY<STRING>, `attrs` MAP<STRING, INT>, `address` ROW<`city` STRING, `zip` INT>,"
            + " `note` STRING>");
  }

  @Test
  void failsClearlyWhenThereAreNoFiles() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    write("empty/_SUCCESS", 1, "");

    assertThatThrownBy(() -> FileSchemaInference.of(dir.resolve("empty").toUri().toString(), FileFormat.JSON).infer())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot infer a schema for ")
        .hasMessageContaining("no files found. Add a file or declare the schema");
    assertThatThrownBy(() -> FileSchemaInference.of(dir.resolve("missing").toUri().toString(), FileFormat.JSON).infer())
        .hasMessageContaining("no files found");
  }

  @Test
  void parsesDeclaredSchemasIncludingKeywordColumnNames() {
    RowType type = FileSchemaInference.parseSchema("id BIGINT, date DATE, `value` STRING NOT NULL,"
        + " tags ARRAY<STRING>, m MAP<STRING, DECIMAL(10, 2)>");

    assertThat(type.asSummaryString())
        .isEqualTo("ROW<`id` BIGINT, `date` DATE, `value` STRING NOT NULL, `tags` ARRAY<STRING>,"
            + " `m` MAP<STRING, DECIMAL(10, 2)>>");
    assertThatThrownBy(() -> FileSchemaInference.parseSchema("id BIGINT, name"))
        .hasMessageContaining("column 'name' has no type");
    assertThatThrownBy(() -> FileSchemaInference.parseSchema("id BIGNUM"))
        .hasMessageStartingWith("Cannot parse schema 'id BIGNUM': unknown type `BIGNUM`");
  }

  private String uri() {
    return dir.toUri().toString();
  }

  private void write(String name, int minute, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + minute * 60_000L));
  }
}
