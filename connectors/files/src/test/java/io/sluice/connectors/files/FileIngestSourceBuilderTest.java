package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

class FileIngestSourceBuilderTest {
  private static final RowType SCHEMA = FileSchemaInference.parseSchema("id BIGINT NOT NULL, tags ARRAY<STRING NOT NULL>");

  @Test
  void producesNullableDataColumnsAndTheRescuedColumn() {
    FileIngestSource source = FileIngestSource.builder("file:///in").format(FileFormat.JSON).schema(SCHEMA).build();
    FileIngestSource withoutRescue = FileIngestSource.builder("file:///in")
        .format(FileFormat.JSON).schema(SCHEMA).rescuedDataColumn(null).build();

    assertThat(source.producedType().asSummaryString())
        .isEqualTo("ROW<`id` BIGINT, `tags` ARRAY<STRING>, `_rescued_data` STRING>");
    assertThat(withoutRescue.producedType().getFieldNames()).containsExactly("id", "tags");
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    assertThat(source.getProducedType().toString()).contains("_rescued_data");
  }

  @Test
  void rejectsIncompleteOrConflictingSettingsSayingWhatToChange() {
    assertThatThrownBy(() -> FileIngestSource.builder("file:///in").schema(SCHEMA).build())
        .hasMessage("Cannot read files from file:///in: no format. Set format JSON, CSV or PARQUET.");
    assertThatThrownBy(() -> FileIngestSource.builder("file:///in").format(FileFormat.JSON).build())
        .hasMessageStartingWith("Cannot read files from file:///in: no schema.");
    assertThatThrownBy(() -> builder(FileFormat.JSON).rescuedDataColumn("id").build())
        .hasMessageStartingWith("Cannot use rescued data column id: the schema already has a column");
    assertThatThrownBy(() -> builder(FileFormat.CSV).build())
        .hasMessageStartingWith("Cannot read CSV column tags of type ARRAY<STRING NOT NULL>");
    assertThatThrownBy(() -> builder(FileFormat.JSON).maxFilesPerTrigger(-1).build())
        .hasMessageStartingWith("Cannot use maxFilesPerTrigger -1");
    assertThatThrownBy(() -> FileIngestSource.builder("file:///in").format(FileFormat.JSON)
            .schema(FileSchemaInference.parseSchema("t TIME")).build())
        .hasMessageStartingWith("Cannot read column t of type TIME(0): unsupported type.");
  }

  @Test
  void validatesFormatOptionsCaseInsensitively() {
    FormatOptions csv = FormatOptions.parse(FileFormat.CSV,
        Map.of("HEADER", "False", "sep", "\\t", "NullValue", "NA", "inferColumnTypes", "true"));

    assertThat(csv.header()).isFalse();
    assertThat(csv.delimiter()).isEqualTo('\t');
    assertThat(csv.nullValue()).isEqualTo("NA");
    assertThat(csv.inferTypes(false)).isTrue();
    assertThat(FormatOptions.parse(FileFormat.JSON, Map.of("multiline", "true")).multiLine()).isTrue();
    assertThatThrownBy(() -> builder(FileFormat.JSON).formatOptions(Map.of("header", "true")).build())
        .hasMessage("Cannot use JSON option 'header': unknown option. Known options: inferColumnTypes, multiLine.");
    assertThatThrownBy(() -> FormatOptions.parse(FileFormat.CSV, Map.of("delimiter", "||")))
        .hasMessage("Cannot use CSV option 'delimiter' = '||': expected a single character.");
    assertThatThrownBy(() -> FormatOptions.parse(FileFormat.CSV, Map.of("header", "yes")))
        .hasMessage("Cannot use option 'header' = 'yes': expected true or false.");
    assertThatThrownBy(() -> FileFormat.of("avro")).hasMessageStartingWith("Cannot read files of format 'avro'");
  }

  private static FileIngestSourceBuilder builder(FileFormat format) {
    return FileIngestSource.builder("file:///in").format(format).schema(SCHEMA);
  }
}
