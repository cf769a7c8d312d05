package io.sluice.connectors.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV records as maps from column name to text. With a header, names come from the file's first
 * non-blank line (empty names become {@code _c<i>}, duplicates get their position appended) and a
 * row with more values than the header is malformed. Without a header, values take the given
 * positional names in order, and values past them are named {@code _c<i>}. An unquoted value equal
 * to {@code nullValue} is null; blank lines are skipped.
 */
final class CsvRecords implements RecordSource {
  private final CsvTokenizer tokenizer;
  private final FormatOptions options;
  private final BufferedReader reader;
  private List<String> names;

  CsvRecords(InputStream in, FormatOptions options, List<String> positionalNames) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    this.tokenizer = new CsvTokenizer(reader, options.delimiter(), options.quote(), options.escape());
    this.options = options;
    this.names = options.header() ? null : positionalNames;
  }

  @Override
  public ParsedRecord next() throws IOException {
    CsvTokenizer.Row row = nextNonBlank();
    if (row != null && names == null) {
      names = headerNames(row.values());
      row = nextNonBlank();
    }
    if (row == null) {
      return null;
    }
    if (row.unterminated() || (options.header() && row.values().size() > names.size())) {
      return ParsedRecord.malformed(row.raw());
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    List<String> values = row.values();
    for (int i = 0; i < values.size(); i++) {
      String name = i < names.size() ? names.get(i) : "_c" + i;
      String value = values.get(i);
      boolean isNull = !row.quoted().get(i) && value.equals(options.nullValue());
      fields.put(name, isNull ? null : value);
    }
    return ParsedRecord.of(fields);
  }

  @Override
  public List<String> declaredColumns() {
    return names == null || !options.header() ? List.of() : names;
  }

  private CsvTokenizer.Row nextNonBlank() throws IOException {
    CsvTokenizer.Row row;
    do {
      row = tokenizer.next();
    } while (row != null && row.isBlank());
    return row;
  }

  private static List<String> headerNames(List<String> header) {
    Map<String, Integer> counts = new HashMap<>();
    for (String name : header) {
      counts.merge(name.trim(), 1, Integer::sum);
    }
    List<String> names = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim();
      if (name.isEmpty()) {
        names.add("_c" + i);
      } else {
        names.add(counts.get(name) > 1 ? name + i : name);
      }
    }
    return names;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
