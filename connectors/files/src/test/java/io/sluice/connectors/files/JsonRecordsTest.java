package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRecordsTest {
  private static final String FILE = "file:/landing/a.json";
  private static final RowType ALL_TYPES =
      FileSchemaInference.parseSchema(
          "b BOOLEAN, i INT, l BIGINT, f FLOAT, d DOUBLE, dec DECIMAL(10, 2), s STRING, dt DATE,"
              + " ts TIMESTAMP(3), ts6 TIMESTAMP(6), ltz TIMESTAMP_LTZ(3), bin BYTES,"
              + " r ROW<x INT, y STRING>, a ARRAY<BIGINT>, m MAP<STRING, INT>, sm SMALLINT");

  @Test
  void convertsEveryType() {
    RowData row = convert(
        "{\"b\":true,\"i\":7,\"l\":9000000000,\"f\":1.5,\"d\":2.25,\"dec\":12.30,\"s\":\"hé\","
            + "\"dt\":\"2024-02-29\",\"ts\":\"2024-05-01 10:15:30.123456\","
            + "\"ts6\":\"2024-05-01T10:15:30.123456\",\"ltz\":\"2024-05-01T12:00:00+02:00\","
            + "\"bin\":\"AQID\",\"r\":{\"x\":1,\"y\":\"z\"},\"a\":[1,null,3],\"m\":{\"k\":5},\"sm\":-3}",
        ALL_TYPES);

    assertThat(row.getArity()).isEqualTo(17);
    assertThat(row.getBoolean(0)).isTrue();
    assertThat(row.getInt(1)).isEqualTo(7);
    assertThat(row.getLong(2)).isEqualTo(9_000_000_000L);
    assertThat(row.getFloat(3)).isEqualTo(1.5f);
    assertThat(row.getDouble(4)).isEqualTo(2.25);
    assertThat(row.getDecimal(5, 10, 2).toBigDecimal()).isEqualByComparingTo(new BigDecimal("12.30"));
    assertThat(row.getString(6).toString()).isEqualTo("hé");
    assertThat(row.getInt(7)).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
    assertThat(row.getTimestamp(8, 3).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 15, 30, 123_000_000));
    assertThat(row.getTimestamp(9, 6).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 15, 30, 123_456_000));
    assertThat(row.getTimestamp(10, 3).toInstant()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(row.getBinary(11)).containsExactly(1, 2, 3);
    RowData nested = row.getRow(12, 2);
    assertThat(nested.getInt(0)).isEqualTo(1);
    assertThat(nested.getString(1).toString()).isEqualTo("z");
    ArrayData array = row.getArray(13);
    assertThat(array.size()).isEqualTo(3);
    assertThat(array.getLong(0)).isEqualTo(1L);
    assertThat(array.isNullAt(1)).isTrue();
    assertThat(array.getLong(2)).isEqualTo(3L);
    MapData map = row.getMap(14);
    assertThat(map.keyArray().getString(0).toString()).isEqualTo("k");
    assertThat(map.valueArray().getInt(0)).isEqualTo(5);
    assertThat(row.getShort(15)).isEqualTo((short) -3);
    assertThat(row.isNullAt(16)).as("nothing rescued").isTrue();
  }

  @Test
  void missingAndNullFieldsAreNullAndNotRescued() {
    RowData row = convert("{\"i\":null,\"extra\":null}", ALL_TYPES);

    for (int i = 0; i < row.getArity(); i++) {
      assertThat(row.isNullAt(i)).as("field %s", i).isTrue();
    }
  }

  @Test
  void rescuesFieldsAbsentFromTheSchema() throws IOException {
    RowData row = convert("{\"i\":1,\"color\":\"red\",\"tags\":[1,2]}", ALL_TYPES);

    assertThat(row.getInt(1)).isEqualTo(1);
    assertThat(rescued(row))
        .containsEntry("color", "red")
        .containsEntry("tags", List.of(1, 2))
        .containsEntry("_file_path", FILE)
        .hasSize(3);
  }

  @Test
  void rescuesValuesThatDoNotFitTheirColumnAndNullsTheColumn() throws IOException {
    RowData row = convert(
        "{\"i\":\"seven\",\"l\":1.5,\"dec\":1.234,\"dt\":\"yesterday\",\"b\":1,\"s\":{\"k\":1},"
            + "\"sm\":70000,\"a\":[1,\"x\"]}",
        ALL_TYPES);

    assertThat(row.isNullAt(1)).isTrue();
    assertThat(row.isNullAt(2)).isTrue();
    assertThat(row.isNullAt(5)).as("decimal would need rounding").isTrue();
    assertThat(row.isNullAt(13)).as("one bad element rescues the whole array").isTrue();
    assertThat(row.getString(6).toString()).as("STRING keeps JSON text").isEqualTo("{\"k\":1}");
    assertThat(rescued(row))
        .containsEntry("i", "seven")
        .containsEntry("l", 1.5)
        .containsEntry("dec", 1.234)
        .containsEntry("dt", "yesterday")
        .containsEntry("b", 1)
        .containsEntry("sm", 70000)
        .containsEntry("a", List.of(1, "x"))
        .containsKey("_file_path")
        .doesNotContainKey("s");
  }

  @Test
  void rescuesNestedFieldsByPathAndKeepsTheRest() throws IOException {
    RowData row = convert("{\"r\":{\"x\":\"bad\",\"y\":\"ok\",\"w\":true}}", ALL_TYPES);

    RowData nested = row.getRow(12, 2);
    assertThat(nested.isNullAt(0)).isTrue();
    assertThat(nested.getString(1).toString()).isEqualTo("ok");
    assertThat(rescued(row)).containsEntry("r.x", "bad").containsEntry("r.w", true);
  }

  @Test
  void keepsAMalformedLineWhole() throws IOException {
    RowData notJson = convert("{\"i\": 1, oops", ALL_TYPES);
    RowData notAnObject = convert("[1,2]", ALL_TYPES);
    RowData trailing = convert("{\"i\":1} {\"i\":2}", ALL_TYPES);

    assertThat(notJson.isNullAt(1)).isTrue();
    assertThat(rescued(notJson))
        .containsEntry("_malformed_record", "{\"i\": 1, oops")
        .containsEntry("_file_path", FILE);
    assertThat(rescued(notAnObject)).containsEntry("_malformed_record", "[1,2]");
    assertThat(rescued(trailing)).containsEntry("_malformed_record", "{\"i\":1} {\"i\":2}");
  }

  @Test
  void failsInsteadOfLosingDataWhenRescueIsDisabled() {
    RecordConverter strict = new RecordConverter(ALL_TYPES, false);

    assertThat(strict.convert(JsonLinesRecords.parse("{\"i\":1}"), FILE).getArity()).isEqualTo(16);
    assertThatThrownBy(() -> strict.convert(JsonLinesRecords.parse("{\"i\":\"x\"}"), FILE))
        .isInstanceOf(RecordDoesNotFitException.class)
        .hasMessageContaining("[i]");
  }

  @Test
  void readsJsonLinesSkippingBlankLines() throws IOException {
    List<ParsedRecord> records = readAll("{\"a\":1}\r\n\n  \n{\"a\":2}\n", false);

    assertThat(records).extracting(r -> r.fields().get("a")).containsExactly(1, 2);
  }

  @Test
  void readsMultiLineDocumentsAndTopLevelArrays() throws IOException {
    List<ParsedRecord> array = readAll("[\n {\"a\": 1},\n {\"a\": 2}\n]", true);
    List<ParsedRecord> object = readAll("{\n \"a\": 3\n}", true);
    List<ParsedRecord> broken = readAll("[{\"a\": 1}, {\"a\": ", true);

    assertThat(array).extracting(r -> r.fields().get("a")).containsExactly(1, 2);
    assertThat(object).extracting(r -> r.fields().get("a")).containsExactly(3);
    assertThat(broken).hasSize(1);
    assertThat(broken.get(0).malformedText()).isEqualTo("[{\"a\": 1}, {\"a\": ");
  }

  @Test
  void readsGzipCompressedFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("events.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8));
    }

    List<Object> values = new ArrayList<>();
    try (RecordSource source = RecordSource.open(
        FileFormat.JSON, FormatOptions.defaults(), List.of(), new org.apache.flink.core.fs.Path(file.toUri()))) {
      for (ParsedRecord r = source.next(); r != null; r = source.next()) {
        values.add(r.fields().get("a"));
      }
    }

    assertThat(values).containsExactly(1, 2);
  }

  static RowData convert(String line, RowType schema) {
    return new RecordConverter(schema, true).convert(JsonLinesRecords.parse(line), FILE);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> rescued(RowData row) throws IOException {
    assertThat(row.isNullAt(row.getArity() - 1)).as("rescued data present").isFalse();
    return new ObjectMapper().readValue(row.getString(row.getArity() - 1).toString(), Map.class);
  }

  private static List<ParsedRecord> readAll(String text, boolean multiLine) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    List<ParsedRecord> records = new ArrayList<>();
    try (RecordSource source = multiLine ? JsonDocumentRecords.read(in) : new JsonLinesRecords(in)) {
      for (ParsedRecord r = source.next(); r != null; r = source.next()) {
        records.add(r);
      }
    }
    return records;
  }
}
