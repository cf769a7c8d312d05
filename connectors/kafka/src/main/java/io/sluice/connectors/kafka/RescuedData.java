package io.sluice.connectors.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The rescued-data column of a Kafka row: a JSON object with what did not fit the value columns,
 * plus where the record came from ({@code _topic}, {@code _partition}, {@code _offset}), so a
 * rescued value can always be traced back and nothing is lost.
 */
final class RescuedData {
  static final String MALFORMED_KEY = "_malformed_record";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RescuedData() {}

  /** Where a record came from, as rescued-data fields. */
  static Map<String, Object> origin(ConsumerRecord<?, ?> record) {
    Map<String, Object> origin = new LinkedHashMap<>();
    origin.put("_topic", record.topic());
    origin.put("_partition", record.partition());
    origin.put("_offset", record.offset());
    return origin;
  }

  /** The rescued data of a value that cannot be decoded at all: its bytes as base64. */
  static String undecodable(ConsumerRecord<byte[], byte[]> record) {
    Map<String, Object> rescued = new LinkedHashMap<>();
    rescued.put(MALFORMED_KEY, Base64.getEncoder().encodeToString(record.value()));
    rescued.putAll(origin(record));
    return json(rescued);
  }

  static String json(Map<String, ?> fields) {
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write rescued data as JSON: " + e.getMessage(), e);
    }
  }
}
