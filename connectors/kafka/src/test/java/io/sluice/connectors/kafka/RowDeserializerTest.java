package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.TestRecords.avro;
import static io.sluice.connectors.kafka.TestRecords.deserialize;
import static io.sluice.connectors.kafka.TestRecords.record;
import static io.sluice.connectors.kafka.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import io.sluice.connectors.files.FileSchemaInference;

class RowDeserializerTest {
  private static final RowType SCHEMA = FileSchemaInference.parseSchema("id BIGINT, name STRING");
  private static final String ORIGIN = "\"_topic\":\"orders\",\"_partition\":2,\"_offset\":41";

  private static RowDeserializer json() {
    return new RowDeserializer(new JsonValues(SCHEMA, "_rescued_data"), false, List.of());
  }

  @Test
  void readsJsonValuesThatFitWithNothingRescued() {
    RowData row = deserialize(json(), record("k", utf8("{\"id\":7,\"name\":\"a\"}"))).get(0);

    assertThat(row.getArity()).isEqualTo(3);
    assertThat(row.getLong(0)).isEqualTo(7L);
    assertThat(row.getString(1).toString()).isEqualTo("a");
    assertThat(row.isNullAt(2)).isTrue();
  }

  @Test
  void rescuesJsonFieldsThatDoNotFitWithTheirOrigin() {
    RowData row = deserialize(json(), record(null, utf8("{\"id\":\"x\",\"name\":\"a\",\"extra\":[1]}")))
        .get(0);

    assertThat(row.isNullAt(0)).isTrue();
    assertThat(row.getString(1).toString()).isEqualTo("a");
    assertThat(row.getString(2).toString())
        .isEqualTo("{\"id\":\"x\",\"extra\":[1]," + ORIGIN + "}");
  }

  @Test
  void keepsTheTextOfAMalformedJsonValue() {
    RowData row = deserialize(json(), record(null, utf8("not json"))).get(0);

    assertThat(row.isNullAt(0)).isTrue();
    assertThat(row.isNullAt(1)).isTrue();
    assertThat(row.getString(2).toString())
        .isEqualTo("{\"_malformed_record\":\"not json\"," + ORIGIN + "}");
  }

  @Test
  void aTombstoneGivesNullColumnsAndNothingRescued() {
    RowData row = deserialize(json(), record("k", null)).get(0);

    assertThat(row.isNullAt(0)).isTrue();
    assertThat(row.isNullAt(2)).isTrue();
  }

  @Test
  void flattensDebeziumEventsAndSkipsAndCountsTombstones() {
    RowDeserializer debezium = new RowDeserializer(JsonValues.debezium(SCHEMA, "_rescued_data"), true,
        List.of(MetadataColumn.named("offset", false)));
    debezium.open(null);
    List<RowData> rows = new java.util.ArrayList<>();
    org.apache.flink.util.Collector<RowData> out = new org.apache.flink.util.Collector<>() {
      @Override
      public void collect(RowData row) {
        rows.add(row);
      }

      @Override
      public void close() {}
    };

    debezium.deserialize(record("{\"id\":7}", utf8("{\"before\":{\"id\":7,\"name\":\"a\"},\"after\":null,"
        + "\"op\":\"d\",\"ts_ms\":5,\"source\":{\"lsn\":12}}")), out);
    debezium.deserialize(record("{\"id\":7}", null), out);
    debezium.deserialize(record(null, utf8("{\"ts_ms\":6}")), out);

    assertThat(debezium.producedType().getFieldNames())
        .containsExactly("id", "name", "_op", "_ts_ms", "_source", "_rescued_data", "key", "offset");
    assertThat(rows).hasSize(2);
    assertThat(debezium.skippedRecords()).isEqualTo(1);
    RowData delete = rows.get(0);
    assertThat(delete.getLong(0)).isEqualTo(7L);
    assertThat(delete.getString(2).toString()).isEqualTo("DELETE");
    assertThat(delete.getLong(3)).isEqualTo(5L);
    assertThat(delete.getMap(4).valueArray().getString(0).toString()).isEqualTo("12");
    assertThat(delete.isNullAt(5)).isTrue();
    assertThat(delete.getString(6).toString()).isEqualTo("{\"id\":7}");
    RowData heartbeat = rows.get(1);
    assertThat(heartbeat.isNullAt(2)).isTrue();
    assertThat(heartbeat.getString(5).toString())
        .isEqualTo("{\"_malformed_record\":\"{\\\"ts_ms\\\":6}\"," + ORIGIN + "}");
  }

  @Test
  void readsAvroValuesIntoTheSchemaColumns() {
    GenericRecord order = new GenericData.Record(TestRecords.avroSchema());
    order.put("id", 5L);
    order.put("name", "five");
    order.put("tags", Arrays.asList("a", "b"));
    AvroValues values = new AvroValues(TestRecords.AVRO_SCHEMA, "_rescued_data");
    RowData row = deserialize(new RowDeserializer(values, false, List.of()), record(null, avro(order)))
        .get(0);

    assertThat(values.columns().getFieldNames()).containsExactly("id", "name", "tags", "_rescued_data");
    assertThat(values.columns().getTypeAt(0).isNullable()).as("rescued rows have no id").isTrue();
    assertThat(row.getLong(0)).isEqualTo(5L);
    assertThat(row.getString(1).toString()).isEqualTo("five");
    assertThat(row.getArray(2).getString(1).toString()).isEqualTo("b");
    assertThat(row.isNullAt(3)).isTrue();
  }

  @Test
  void rescuesAnUndecodableAvroValueAsBase64() {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
    RowDeserializer avro =
        new RowDeserializer(new AvroValues(TestRecords.AVRO_SCHEMA, "_rescued_data"), false, List.of());
    RowData row = deserialize(avro, record(null, garbage)).get(0);

    assertThat(row.isNullAt(0)).isTrue();
    assertThat(row.getString(3).toString()).isEqualTo("{\"_malformed_record\":\""
        + Base64.getEncoder().encodeToString(garbage) + "\"," + ORIGIN + "}");
  }

  @Test
  void rescuesAnAvroValueWithBytesLeftOver() {
    GenericRecord order = new GenericData.Record(TestRecords.avroSchema());
    order.put("id", 5L);
    order.put("tags", List.of());
    byte[] value = Arrays.copyOf(avro(order), avro(order).length + 1);
    RowDeserializer avro =
        new RowDeserializer(new AvroValues(TestRecords.AVRO_SCHEMA, "_rescued_data"), false, List.of());

    RowData row = deserialize(avro, record(null, value)).get(0);

    assertThat(row.isNullAt(0)).isTrue();
    assertThat(row.getString(3).toString()).startsWith("{\"_malformed_record\":");
  }

  @Test
  void readsRawValuesKeyAndEveryMetadataColumn() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", utf8("t1"));
    headers.add("empty", null);
    RowDeserializer raw = new RowDeserializer(new RawValues(), true, List.of(MetadataColumn.TOPIC,
        MetadataColumn.PARTITION, MetadataColumn.OFFSET, MetadataColumn.TIMESTAMP, MetadataColumn.HEADERS));

    RowData row = deserialize(raw, record("k1", utf8("hello"), headers)).get(0);

    assertThat(raw.producedType().getFieldNames())
        .containsExactly("value", "key", "topic", "partition", "offset", "timestamp", "headers");
    assertThat(raw.producedType().getTypeAt(5).getTypeRoot())
        .isEqualTo(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    assertThat(row.getString(0).toString()).isEqualTo("hello");
    assertThat(row.getString(1).toString()).isEqualTo("k1");
    assertThat(row.getString(2).toString()).isEqualTo("orders");
    assertThat(row.getInt(3)).isEqualTo(2);
    assertThat(row.getLong(4)).isEqualTo(41L);
    assertThat(row.getTimestamp(5, 3).toInstant()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    MapData map = row.getMap(6);
    assertThat(map.size()).isEqualTo(2);
    for (int i = 0; i < map.size(); i++) {
      String name = map.keyArray().getString(i).toString();
      if (name.equals("trace")) {
        assertThat(map.valueArray().getBinary(i)).isEqualTo(utf8("t1"));
      } else {
        assertThat(name).isEqualTo("empty");
        assertThat(map.valueArray().isNullAt(i)).isTrue();
      }
    }
  }

  @Test
  void readsBinaryValuesAndKeysAsTheyAreWithTheTimestampType() {
    byte[] notText = {(byte) 0xff, 0, (byte) 0xfe};
    RowDeserializer binary = new RowDeserializer(new BinaryValues(), true, true,
        List.of(MetadataColumn.TOPIC, MetadataColumn.TIMESTAMP_TYPE));

    RowData row = deserialize(binary, record("k1", notText)).get(0);

    assertThat(binary.producedType().getFieldNames())
        .containsExactly("value", "key", "topic", "timestampType");
    assertThat(binary.producedType().getTypeAt(0).getTypeRoot()).isEqualTo(LogicalTypeRoot.VARBINARY);
    assertThat(binary.producedType().getTypeAt(1).getTypeRoot()).isEqualTo(LogicalTypeRoot.VARBINARY);
    assertThat(row.getBinary(0)).isEqualTo(notText);
    assertThat(row.getBinary(1)).isEqualTo(utf8("k1"));
    assertThat(row.getInt(3)).isEqualTo(0);
    assertThat(deserialize(binary, record(null, null)).get(0).isNullAt(1)).isTrue();
  }

  @Test
  void givesHeadersAsJsonText() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("a", utf8("1"));
    headers.add("b", utf8("x"));
    RowDeserializer raw = new RowDeserializer(new RawValues(), false,
        List.of(MetadataColumn.named("headers", true)));

    RowData row = deserialize(raw, record(null, utf8("v"), headers)).get(0);

    assertThat(raw.producedType().getTypeAt(1).getTypeRoot()).isEqualTo(LogicalTypeRoot.VARCHAR);
    assertThat(row.getString(1).toString()).isEqualTo("{\"a\":\"1\",\"b\":\"x\"}");
  }

  @Test
  void aNullKeyIsANullColumn() {
    RowDeserializer raw = new RowDeserializer(new RawValues(), true, List.of());

    assertThat(deserialize(raw, record(null, utf8("v"))).get(0).isNullAt(1)).isTrue();
  }

  @Test
  void rejectsAColumnNameTakenTwice() {
    RowType withKey = FileSchemaInference.parseSchema("key STRING");

    assertThatThrownBy(() -> new RowDeserializer(new JsonValues(withKey, "_rescued_data"), true, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot add column 'key'");
  }
}
