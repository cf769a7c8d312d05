package io.sluice.connectors.files;

import static io.sluice.connectors.files.JsonRecordsTest.rescued;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecordsTest {
  private static final RowType SCHEMA =
      FileSchemaInference.parseSchema("id BIGINT, name STRING, price DECIMAL(6, 2), day DATE, ok BOOLEAN");

  @Test
  void splitsQuotedValuesWithDelimitersQuotesAndNewlines() throws IOException {
    CsvTokenizer tokenizer = new CsvTokenizer(
        new StringReader("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",\"x\\\"y\",\n"), ',', '"', '\\');

    CsvTokenizer.Row first = tokenizer.next();
    CsvTokenizer.Row second = tokenizer.next();

    assertThat(first.values()).containsExactly("a", "b,c", "say \"hi\"");
    assertThat(first.raw()).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\"");
    assertThat(second.values()).containsExactly("line1\nline2", "x\"y", "");
    assertThat(second.quoted().get(0)).isTrue();
    assertThat(second.quoted().get(2)).isFalse();
    assertThat(tokenizer.next()).isNull();
  }

  @Test
  void matchesColumnsByHeaderNameInAnyOrder() throws IOException {
    List<RowData> rows = read("ok,day,name,id,price\ntrue,2024-01-31,\"Smith, J\",7,12.50\n", Map.of());

    RowData row = rows.get(0);
    assertThat(row.getLong(0)).isEqualTo(7L);
    assertThat(row.getString(1).toString()).isEqualTo("Smith, J");
    assertThat(row.getDecimal(2, 6, 2).toString()).isEqualTo("12.50");
    assertThat(row.getInt(3)).isEqualTo((int) LocalDate.of(2024, 1, 31).toEpochDay());
    assertThat(row.getBoolean(4)).isTrue();
    assertThat(row.isNullAt(5)).as("nothing rescued").isTrue();
  }

  @Test
  void readsNullValuesAndShortRowsAsNull() throws IOException {
    List<RowData> rows = read("id;name;price\n1;NA;\n2\n", Map.of("sep", ";", "nullValue", "NA"));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).isNullAt(1)).isTrue();
    assertThat(rows.get(0).isNullAt(2)).as("empty price is not NA but does not parse").isTrue();
    assertThat(rows.get(1).getLong(0)).isEqualTo(2L);
    assertThat(rows.get(1).isNullAt(1)).isTrue();
    assertThat(rows.get(1).isNullAt(5)).isTrue();
  }

  @Test
  void rescuesTypeMismatchesAndUnknownColumns() throws IOException {
    List<RowData> rows = read("id,name,color\nabc,Ann,red\n", Map.of());

    assertThat(rows.get(0).isNullAt(0)).isTrue();
    assertThat(rows.get(0).getString(1).toString()).isEqualTo("Ann");
    assertThat(rescued(rows.get(0)))
        .containsEntry("id", "abc")
        .containsEntry("color", "red")
        .containsEntry("_file_path", "file:/in/a.csv");
  }

  @Test
  void keepsARowWithMoreValuesThanTheHeaderWhole() throws IOException {
    List<RowData> rows = read("id,name\n1,Ann,surplus\n2,Bob\n", Map.of());

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).isNullAt(0)).isTrue();
    assertThat(rescued(rows.get(0))).containsEntry("_malformed_record", "1,Ann,surplus");
    assertThat(rows.get(1).getLong(0)).isEqualTo(2L);
    assertThat(rows.get(1).isNullAt(5)).isTrue();
  }

  @Test
  void keepsAnUnterminatedQuoteWhole() throws IOException {
    List<RowData> rows = read("id,name\n1,\"never closed\n2,x\n", Map.of());

    assertThat(rows).hasSize(1);
    assertThat(rescued(rows.get(0))).containsEntry("_malformed_record", "1,\"never closed\n2,x\n");
  }

  @Test
  void readsColumnsByPositionWithoutHeaderAndRescuesExtraValues() throws IOException {
    List<RowData> rows = read("5,Eve,1.25,2024-03-01,false,extra\n", Map.of("header", "false"));

    assertThat(rows.get(0).getLong(0)).isEqualTo(5L);
    assertThat(rows.get(0).getString(1).toString()).isEqualTo("Eve");
    assertThat(rows.get(0).getBoolean(4)).isFalse();
    assertThat(rescued(rows.get(0))).containsEntry("_c5", "extra");
  }

  @Test
  void namesEmptyAndDuplicateHeaderColumns() throws IOException {
    try (CsvRecords records = csv("a,,a\n1,2,3\n", Map.of(), List.of())) {
      assertThat(records.next().fields()).containsOnlyKeys("a0", "_c1", "a2");
      assertThat(records.declaredColumns()).containsExactly("a0", "_c1", "a2");
    }
  }

  @Test
  void ignoresAByteOrderMarkBeforeTheHeader(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("excel.csv");
    Files.write(file, ("\uFEFFid,name\n1,x\n").getBytes(StandardCharsets.UTF_8));

    try (RecordSource source = RecordSource.open(FileFormat.CSV, FormatOptions.defaults(), List.of(),
        new org.apache.flink.core.fs.Path(file.toUri()))) {
      assertThat(source.next().fields()).containsEntry("id", "1").containsEntry("name", "x");
    }
  }

  private static List<RowData> read(String text, Map<String, String> options) throws IOException {
    RecordConverter converter = new RecordConverter(SCHEMA, true);
    List<RowData> rows = new ArrayList<>();
    try (CsvRecords records = csv(text, options, SCHEMA.getFieldNames())) {
      for (ParsedRecord r = records.next(); r != null; r = records.next()) {
        rows.add(converter.convert(r, "file:/in/a.csv"));
      }
    }
    return rows;
  }

  private static CsvRecords csv(String text, Map<String, String> options, List<String> names) {
    return new CsvRecords(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        FormatOptions.parse(FileFormat.CSV, options),
        names);
  }
}
