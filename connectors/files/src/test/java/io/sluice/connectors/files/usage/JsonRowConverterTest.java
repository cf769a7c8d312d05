package io.sluice.connectors.files.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connectors.files.FileSchemaInference;
import io.sluice.connectors.files.JsonRowConverter;
import java.util.Map;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** The one-document JSON conversion other connectors use, through the public API only. */
class JsonRowConverterTest {
  private static final RowType COLUMNS =
      FileSchemaInference.parseSchema("id BIGINT NOT NULL, name STRING, tags ARRAY<STRING>");

  @Test
  void convertsAFittingDocumentWithNothingRescued() {
    JsonRowConverter.Converted converted =
        JsonRowConverter.forColumns(COLUMNS).convert("{\"id\":7,\"name\":\"a\",\"tags\":[\"x\"]}");

    assertThat(converted.row().getLong(0)).isEqualTo(7L);
    assertThat(converted.row().getString(1).toString()).isEqualTo("a");
    assertThat(converted.row().getArray(2).getString(0).toString()).isEqualTo("x");
    assertThat(converted.hasRescued()).isFalse();
    assertThat(converted.rescuedJson(Map.of("_where", "here"))).isNull();
  }

  @Test
  void rescuesUnknownAndMisfittingFieldsWithTheGivenContext() {
    JsonRowConverter.Converted converted =
        JsonRowConverter.forColumns(COLUMNS).convert("{\"id\":\"seven\",\"name\":\"a\",\"x\":1}");

    assertThat(converted.row().isNullAt(0)).isTrue();
    assertThat(converted.row().getString(1).toString()).isEqualTo("a");
    assertThat(converted.rescuedJson(Map.of("_offset", 3)))
        .isEqualTo("{\"id\":\"seven\",\"x\":1,\"_offset\":3}");
  }

  @Test
  void keepsTheTextOfAMalformedDocument() {
    JsonRowConverter.Converted converted = JsonRowConverter.forColumns(COLUMNS).convert("{\"id\":");

    assertThat(converted.row().getArity()).isEqualTo(3);
    assertThat(converted.rescuedJson(Map.of()))
        .isEqualTo("{\"" + JsonRowConverter.MALFORMED_RECORD + "\":\"{\\\"id\\\":\"}");
  }

  @Test
  void flattensADebeziumEventAndRescuesOneWithoutAnOperation() {
    JsonRowConverter converter =
        JsonRowConverter.forDebezium(FileSchemaInference.parseSchema("id BIGINT, name STRING"));

    JsonRowConverter.Converted update = converter.convert("{\"schema\":{},\"payload\":{\"before\":null,"
        + "\"after\":{\"id\":7,\"name\":\"b\"},\"op\":\"u\",\"ts_ms\":5,\"source\":{\"lsn\":9}}}");
    JsonRowConverter.Converted heartbeat = converter.convert("{\"ts_ms\":6}");

    assertThat(converter.columns().getFieldNames()).containsExactly("id", "name", "_op", "_ts_ms", "_source");
    assertThat(update.row().getLong(0)).isEqualTo(7L);
    assertThat(update.row().getString(2).toString()).isEqualTo("UPDATE");
    assertThat(update.row().getMap(4).valueArray().getString(0).toString()).isEqualTo("9");
    assertThat(update.hasRescued()).isFalse();
    assertThat(heartbeat.row().isNullAt(2)).isTrue();
    assertThat(heartbeat.rescuedJson(Map.of()))
        .isEqualTo("{\"" + JsonRowConverter.MALFORMED_RECORD + "\":\"{\\\"ts_ms\\\":6}\"}");
  }

  @Test
  void makesEveryColumnNullable() {
    assertThat(JsonRowConverter.forColumns(COLUMNS).columns().getTypeAt(0).isNullable()).isTrue();
  }

  @Test
  void rejectsAColumnTypeJsonCannotFill() {
    assertThatThrownBy(() -> JsonRowConverter.forColumns(
            FileSchemaInference.parseSchema("t TIME")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot read column t");
  }
}
