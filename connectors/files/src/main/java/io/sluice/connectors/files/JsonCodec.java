package io.sluice.connectors.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The two Jackson mappers of this connector: one reads JSON into plain Java values (maps, lists,
 * strings, booleans, integral numbers and exact {@link java.math.BigDecimal}s), the other writes
 * plain values, including the java.time values Parquet produces, back as JSON text.
 */
final class JsonCodec {
  static final ObjectMapper READER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads one value at a time from a parser positioned on it; the parser may hold more values. */
  static final ObjectReader STREAM_READER =
      READER.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectMapper WRITER = new ObjectMapper().registerModule(timeAsText());

  private JsonCodec() {}

  /** The JSON text of a plain value. */
  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write value as JSON: " + e.getMessage(), e);
    }
  }

  private static SimpleModule timeAsText() {
    SimpleModule module = new SimpleModule("sluice-time-as-text");
    module.addSerializer(LocalDate.class, ToStringSerializer.instance);
    module.addSerializer(LocalDateTime.class, ToStringSerializer.instance);
    module.addSerializer(LocalTime.class, ToStringSerializer.instance);
    module.addSerializer(Instant.class, ToStringSerializer.instance);
    return module;
  }
}
