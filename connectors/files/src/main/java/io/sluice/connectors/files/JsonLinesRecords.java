package io.sluice.connectors.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON Lines: one object per line; blank lines are skipped; any other line is malformed. */
final class JsonLinesRecords implements RecordSource {
  private final BufferedReader reader;

  JsonLinesRecords(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
  }

  @Override
  public ParsedRecord next() throws IOException {
    String line = nextLine();
    return line == null ? null : parse(line);
  }

  /** The next non-blank line, or null at the end. */
  private String nextLine() throws IOException {
    String line;
    do {
      line = reader.readLine();
    } while (line != null && line.isBlank());
    return line;
  }

  /** The next line's row, without a map of its fields where the line allows. */
  @Override
  public org.apache.flink.table.data.RowData nextRow(RecordConverter converter, String filePath) throws IOException {
    String line = nextLine();
    return line == null ? null : converter.convertJsonLine(line, filePath);
  }

  /** Skips records by counting non-blank lines, without parsing them. */
  @Override
  public void skip(long count) throws IOException {
    for (long skipped = 0; skipped < count; ) {
      String line = reader.readLine();
      if (line == null) {
        return;
      }
      if (!line.isBlank()) {
        skipped++;
      }
    }
  }

  @SuppressWarnings("unchecked")
  static ParsedRecord parse(String line) {
    try {
      Object value = JsonCodec.READER.readValue(line, Object.class);
      return value instanceof Map
          ? ParsedRecord.of((Map<String, Object>) value)
          : ParsedRecord.malformed(line);
    } catch (JsonProcessingException e) {
      return ParsedRecord.malformed(line);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
