package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.TestRecords.deserialize;
import static io.sluice.connectors.kafka.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connectors.files.FileSchemaInference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RowSerializerTest {
  private static final RowType TYPE = FileSchemaInference.parseSchema(
      "id BIGINT, name STRING, at TIMESTAMP_LTZ(3), price DECIMAL(10, 2)");

  private static ProducerRecord<byte[], byte[]> serialize(RowSerializer serializer, RowData row)
      throws Exception {
    serializer.open(null, null);
    return serializer.serialize(row, null, 17L);
  }

  @Test
  void writesEveryColumnAsFlinkJsonAndTheKeyColumnAsKey() throws Exception {
    RowSerializer serializer =
        new RowSerializer("out", ValueEncoding.of("json", TYPE, null), TYPE, "name");
    GenericRowData row = GenericRowData.of(1L, StringData.fromString("a"),
        TimestampData.fromEpochMillis(0L),
        org.apache.flink.table.data.DecimalData.fromUnscaledLong(1250, 10, 2));

    ProducerRecord<byte[], byte[]> record = serialize(serializer, row);

    assertThat(record.topic()).isEqualTo("out");
    assertThat(record.timestamp()).isEqualTo(17L);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("a");
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":1,\"name\":\"a\",\"at\":\"1970-01-01T00:00:00Z\",\"price\":12.5}");
  }

  @Test
  void writesNullsAndNoKeyWithoutAKeyColumn() throws Exception {
    RowSerializer serializer = new RowSerializer("out", ValueEncoding.of("json", TYPE, null), TYPE, null);

    ProducerRecord<byte[], byte[]> record =
        serialize(serializer, GenericRowData.of(2L, null, null, null));

    assertThat(record.key()).isNull();
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":2,\"name\":null,\"at\":null,\"price\":null}");
  }

  @Test
  void writesAvroThatTheSourceReadsBack() throws Exception {
    RowType type = AvroValues.rowType(TestRecords.AVRO_SCHEMA);
    RowSerializer serializer = new RowSerializer("out",
        ValueEncoding.of("avro", type, TestRecords.AVRO_SCHEMA), type, null);
    GenericRowData row = GenericRowData.of(3L, StringData.fromString("c"),
        new GenericArrayData(new Object[] {StringData.fromString("t")}));

    byte[] value = serialize(serializer, row).value();
    RowData read = deserialize(new RowDeserializer(
        new AvroValues(TestRecords.AVRO_SCHEMA, "_rescued_data"), false, List.of()),
        record(null, value)).get(0);

    assertThat(read.getLong(0)).isEqualTo(3L);
    assertThat(read.getString(1).toString()).isEqualTo("c");
    assertThat(read.getArray(2).getString(0).toString()).isEqualTo("t");
    assertThat(read.isNullAt(3)).as("nothing rescued").isTrue();
  }

  @Test
  void rejectsWhatCannotWork() {
    assertThatThrownBy(() -> new RowSerializer("out", ValueEncoding.of("json", TYPE, null), TYPE, "nope"))
        .hasMessageContaining("Cannot use column 'nope' as the Kafka key");
    assertThatThrownBy(() -> new RowSerializer("out", ValueEncoding.of("json", TYPE, null), TYPE, "id"))
        .hasMessageContaining("the key must be STRING or BYTES");
    assertThatThrownBy(() -> ValueEncoding.of("csv", TYPE, null))
        .hasMessageContaining("Cannot write Kafka values as 'csv'");
    assertThatThrownBy(() -> ValueEncoding.of("avro", TYPE, TestRecords.AVRO_SCHEMA))
        .hasMessageContaining("Cannot write rows as Avro with the given schema");
  }

  @Test
  void rejectsBadSinkOptions() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    var rows = env.fromData(List.<RowData>of(GenericRowData.of(1L, null, null, null)),
        InternalTypeInfo.of(TYPE));

    assertThatThrownBy(() -> KafkaOutput.exactlyOnce(rows, TYPE,
            Map.of("kafka.bootstrap.servers", "b:1"), "flow"))
        .hasMessageContaining("option topic is missing");
    assertThatThrownBy(() -> KafkaOutput.exactlyOnce(rows, TYPE,
            Map.of("kafka.bootstrap.servers", "b:1", "topic", "t", "format", "json"), "flow"))
        .hasMessageContaining("Cannot use Kafka sink option 'format'");
    assertThatThrownBy(() -> KafkaOutput.exactlyOnce(rows, TYPE,
            Map.of("kafka.bootstrap.servers", "b:1", "topic", "t", "kafka.transactional.id", "x"),
            "flow"))
        .hasMessageContaining("Cannot set Kafka producer property transactional.id");
  }
}
