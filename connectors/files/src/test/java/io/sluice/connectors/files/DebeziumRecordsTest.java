package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debezium-json format: events flattened into the table's columns and change metadata. */
class DebeziumRecordsTest {
  private static final String FILE = "file:/cdc/users.json";
  private static final RowType TABLE = FileSchemaInference.parseSchema("id INT, name STRING");
  private static final RowType COLUMNS = DebeziumEnvelope.withMetadata(TABLE);
  private static final int OP = 2;
  private static final int TS_MS = 3;
  private static final int SOURCE = 4;
  private static final int RESCUED = 5;

  @Test
  void readsTheAfterImageOfACreateAsAnInsert() {
    RowData row = convert("{\"before\":null,\"after\":{\"id\":1,\"name\":\"ann\"},\"op\":\"c\","
        + "\"ts_ms\":1700000000123,\"source\":{\"lsn\":24023128,\"table\":\"users\",\"snapshot\":\"false\"}}");

    assertThat(row.getInt(0)).isEqualTo(1);
    assertThat(row.getString(1).toString()).isEqualTo("ann");
    assertThat(row.getString(OP).toString()).isEqualTo("INSERT");
    assertThat(row.getLong(TS_MS)).isEqualTo(1_700_000_000_123L);
    assertThat(source(row)).isEqualTo(Map.of("lsn", "24023128", "table", "users", "snapshot", "false"));
    assertThat(row.isNullAt(RESCUED)).isTrue();
  }

  @Test
  void readsSnapshotReadsAsInsertsAndUpdatesFromTheAfterImage() {
    RowData read = convert("{\"after\":{\"id\":1,\"name\":\"ann\"},\"op\":\"r\",\"ts_ms\":1,\"source\":{}}");
    RowData update = convert("{\"before\":{\"id\":1,\"name\":\"ann\"},\"after\":{\"id\":1,\"name\":\"anne\"},"
        + "\"op\":\"u\",\"ts_ms\":2,\"source\":{\"lsn\":30}}");

    assertThat(read.getString(OP).toString()).isEqualTo("INSERT");
    assertThat(update.getString(1).toString()).isEqualTo("anne");
    assertThat(update.getString(OP).toString()).isEqualTo("UPDATE");
    assertThat(source(update)).isEqualTo(Map.of("lsn", "30"));
  }

  @Test
  void readsTheBeforeImageOfADelete() {
    RowData row = convert("{\"before\":{\"id\":2,\"name\":\"bob\"},\"after\":null,\"op\":\"d\","
        + "\"ts_ms\":3,\"source\":{\"lsn\":40}}");

    assertThat(row.getInt(0)).isEqualTo(2);
    assertThat(row.getString(1).toString()).isEqualTo("bob");
    assertThat(row.getString(OP).toString()).isEqualTo("DELETE");
    assertThat(row.isNullAt(RESCUED)).isTrue();
  }

  @Test
  void unwrapsTheSchemaAndPayloadOfKafkaConnectsJsonConverter() {
    RowData row = convert("{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":"
        + "{\"before\":null,\"after\":{\"id\":5,\"name\":\"eve\"},\"op\":\"c\",\"ts_ms\":9,\"source\":{\"lsn\":50}}}");

    assertThat(row.getInt(0)).isEqualTo(5);
    assertThat(row.getString(OP).toString()).isEqualTo("INSERT");
    assertThat(row.getLong(TS_MS)).isEqualTo(9L);
    assertThat(row.isNullAt(RESCUED)).isTrue();
  }

  @Test
  void readsATruncateAsATruncateRowWithoutTableColumns() {
    RowData row = convert("{\"before\":null,\"after\":null,\"op\":\"t\",\"ts_ms\":4,\"source\":{\"lsn\":60}}");

    assertThat(row.isNullAt(0)).isTrue();
    assertThat(row.isNullAt(1)).isTrue();
    assertThat(row.getString(OP).toString()).isEqualTo("TRUNCATE");
    assertThat(source(row)).isEqualTo(Map.of("lsn", "60"));
    assertThat(row.isNullAt(RESCUED)).isTrue();
  }

  @Test
  void rescuesImageFieldsThatDoNotFitTheTable() throws IOException {
    RowData row = convert("{\"after\":{\"id\":\"seven\",\"name\":\"x\",\"email\":\"x@y\",\"_op\":\"mine\"},"
        + "\"op\":\"c\",\"ts_ms\":1,\"source\":{}}");

    assertThat(row.isNullAt(0)).isTrue();
    assertThat(row.getString(OP).toString()).isEqualTo("INSERT");
    assertThat(rescued(row)).containsEntry("id", "seven").containsEntry("email", "x@y")
        .containsEntry("after._op", "mine").containsEntry("_file_path", FILE);
  }

  @Test
  void keepsEventsItCannotFlattenWholeAsMalformedRecords() throws IOException {
    List<String> lines = List.of(
        "not json",
        "{\"before\":null,\"after\":{\"id\":1},\"ts_ms\":1}",
        "{\"source\":{\"db\":\"shop\"},\"databaseName\":\"shop\",\"ddl\":\"ALTER TABLE users ADD x INT\"}",
        "{\"after\":{\"id\":1},\"op\":\"m\",\"ts_ms\":1}",
        "{\"before\":null,\"after\":null,\"op\":\"d\",\"ts_ms\":1}");

    for (String line : lines) {
      RowData row = convert(line);
      for (int i = 0; i < RESCUED; i++) {
        assertThat(row.isNullAt(i)).as("column " + i + " of " + line).isTrue();
      }
      Map<String, Object> rescued = rescued(row);
      assertThat(rescued).containsOnlyKeys(RecordConverter.MALFORMED_KEY, RecordConverter.FILE_PATH_KEY);
      String text = (String) rescued.get(RecordConverter.MALFORMED_KEY);
      if (line.equals("not json")) {
        assertThat(text).isEqualTo(line);
      } else {
        assertThat(new ObjectMapper().readTree(text)).isEqualTo(new ObjectMapper().readTree(line));
      }
    }
  }

  @Test
  void infersTheTableColumnsFromTheImages(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("1.json"), String.join("\n",
        "{\"after\":{\"id\":1,\"name\":\"ann\"},\"op\":\"c\",\"ts_ms\":1,\"source\":{\"lsn\":1}}",
        "{\"before\":{\"id\":1,\"name\":\"ann\",\"score\":2.5},\"after\":null,\"op\":\"d\",\"ts_ms\":2,\"source\":{}}",
        "{\"op\":\"t\",\"ts_ms\":3,\"source\":{}}",
        "{\"ddl\":\"DROP TABLE users\"}"), StandardCharsets.UTF_8);

    RowType inferred = FileSchemaInference.of(dir.toUri().toString(), FileFormat.of("debezium-json")).infer();

    assertThat(inferred.asSummaryString()).isEqualTo("ROW<`id` BIGINT, `name` STRING, `score` DOUBLE>");
  }

  @Test
  void readsFilesOfEventsWithTheMetadataColumnsInTheProducedType(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("1.json"),
        "{\"after\":{\"id\":1,\"name\":\"ann\"},\"op\":\"c\",\"ts_ms\":1,\"source\":{\"lsn\":1}}\n\n"
            + "{\"before\":{\"id\":1,\"name\":\"ann\"},\"op\":\"d\",\"ts_ms\":2,\"source\":{\"lsn\":2}}\n",
        StandardCharsets.UTF_8);
    FileIngestSource source = FileIngestSource.builder(dir.toUri().toString())
        .format(FileFormat.DEBEZIUM_JSON).schema(TABLE).build();

    List<String> ops = new ArrayList<>();
    try (RecordSource records = RecordSource.open(FileFormat.DEBEZIUM_JSON, FormatOptions.defaults(), List.of(),
        new org.apache.flink.core.fs.Path(dir.resolve("1.json").toUri()))) {
      records.skip(1);
      for (ParsedRecord r = records.next(); r != null; r = records.next()) {
        ops.add(r.fields().get(DebeziumEnvelope.OP) + " " + r.fields().get("id"));
      }
    }

    assertThat(source.producedType().getFieldNames())
        .containsExactly("id", "name", "_op", "_ts_ms", "_source", "_rescued_data");
    assertThat(ops).containsExactly("DELETE 1");
  }

  @Test
  void rejectsATableColumnNamedLikeAMetadataColumn() {
    assertThatThrownBy(() -> FileIngestSource.builder("file:///cdc").format(FileFormat.DEBEZIUM_JSON)
            .schema(FileSchemaInference.parseSchema("id INT, _op STRING")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot read column _op from Debezium events");
  }

  private static RowData convert(String line) {
    return new RecordConverter(SupportedTypes.nullable(COLUMNS), true)
        .convert(DebeziumEnvelope.flatten(JsonLinesRecords.parse(line)), FILE);
  }

  private static Map<String, String> source(RowData row) {
    MapData map = row.getMap(SOURCE);
    Map<String, String> result = new java.util.HashMap<>();
    for (int i = 0; i < map.size(); i++) {
      result.put(map.keyArray().getString(i).toString(), map.valueArray().getString(i).toString());
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> rescued(RowData row) throws IOException {
    assertThat(row.isNullAt(RESCUED)).as("rescued data present").isFalse();
    return new ObjectMapper().readValue(row.getString(RESCUED).toString(), Map.class);
  }
}
