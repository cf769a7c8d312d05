package io.sluice.connectors.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Kafka records and Avro values for unit tests. */
final class TestRecords {
  static final String AVRO_SCHEMA = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\"},"
      + "{\"name\":\"name\",\"type\":[\"null\",\"string\"],\"default\":null},"
      + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}]}";

  private TestRecords() {}

  static ConsumerRecord<byte[], byte[]> record(String key, byte[] value) {
    return record(key, value, new RecordHeaders());
  }

  static ConsumerRecord<byte[], byte[]> record(String key, byte[] value, RecordHeaders headers) {
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    return new ConsumerRecord<>("orders", 2, 41L, 1_700_000_000_123L, TimestampType.CREATE_TIME,
        keyBytes == null ? -1 : keyBytes.length, value == null ? -1 : value.length, keyBytes, value,
        headers, Optional.empty());
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<RowData> deserialize(RowDeserializer deserializer,
      ConsumerRecord<byte[], byte[]> record) {
    deserializer.open(null);
    List<RowData> rows = new ArrayList<>();
    deserializer.deserialize(record, new Collector<>() {
      @Override
      public void collect(RowData row) {
        rows.add(row);
      }

      @Override
      public void close() {}
    });
    return rows;
  }

  static byte[] avro(GenericRecord record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Schema avroSchema() {
    return new Schema.Parser().parse(AVRO_SCHEMA);
  }
}
