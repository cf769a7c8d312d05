package io.sluice.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Multi-line JSON ({@code multiLine=true}): the file holds one or more top-level JSON values; an
 * object is a record and a top-level array holds records. The whole file is parsed before the first
 * record is returned, so a file that is not valid JSON becomes a single malformed record with the
 * whole text, and no partial set of its records is ever emitted.
 */
final class JsonDocumentRecords implements RecordSource {
  private final Iterator<ParsedRecord> records;

  private JsonDocumentRecords(List<ParsedRecord> records) {
    this.records = records.iterator();
  }

  static JsonDocumentRecords read(InputStream in) throws IOException {
    byte[] bytes;
    try (in) {
      bytes = in.readAllBytes();
    }
    try {
      return new JsonDocumentRecords(parse(bytes));
    } catch (IOException e) {
      return new JsonDocumentRecords(
          List.of(ParsedRecord.malformed(new String(bytes, StandardCharsets.UTF_8))));
    }
  }

  private static List<ParsedRecord> parse(byte[] bytes) throws IOException {
    List<ParsedRecord> records = new ArrayList<>();
    try (JsonParser parser = JsonCodec.READER.createParser(bytes)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
              throw new IOException("unexpected end of the top-level array");
            }
            records.add(record(JsonCodec.STREAM_READER.readValue(parser)));
          }
        } else {
          records.add(record(JsonCodec.STREAM_READER.readValue(parser)));
        }
      }
    }
    return records;
  }

  @SuppressWarnings("unchecked")
  private static ParsedRecord record(Object value) {
    return value instanceof Map
        ? ParsedRecord.of((Map<String, Object>) value)
        : ParsedRecord.malformed(JsonCodec.write(value));
  }

  @Override
  public ParsedRecord next() {
    return records.hasNext() ? records.next() : null;
  }

  @Override
  public void close() {}
}
