package io.sluice.connectors.files;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Splits delimited text into records. A value may be quoted; inside quotes the delimiter and line
 * breaks are data, and a quote is written either doubled ({@code ""}) or escaped ({@code \"}).
 * Records end at {@code \n}, {@code \r\n} or {@code \r} outside quotes. Each record keeps its raw
 * text, so a record that cannot be used can be rescued whole.
 */
final class CsvTokenizer {
  private static final int END = -1;

  /** One record: its values, which of them were quoted, its raw text, and whether a quote was left open. */
  record Row(List<String> values, BitSet quoted, String raw, boolean unterminated) {
    boolean isBlank() {
      return raw.isBlank() && values.size() == 1 && !quoted.get(0);
    }
  }

  private final PushbackReader in;
  private final char delimiter;
  private final char quote;
  private final char escape;

  CsvTokenizer(Reader in, char delimiter, char quote, char escape) {
    this.in = new PushbackReader(in, 1);
    this.delimiter = delimiter;
    this.quote = quote;
    this.escape = escape;
  }

  /** The next record, or null at the end of the input. */
  Row next() throws IOException {
    int c = in.read();
    if (c == END) {
      return null;
    }
    List<String> values = new ArrayList<>();
    BitSet quoted = new BitSet();
    StringBuilder raw = new StringBuilder();
    StringBuilder value = new StringBuilder();
    boolean inQuotes = false;
    for (; c != END; c = in.read()) {
      char ch = (char) c;
      if (inQuotes) {
        raw.append(ch);
        if (ch == escape && escape != quote) {
          int n = in.read();
          if (n == END) {
            value.append(ch);
          } else {
            raw.append((char) n);
            if (n != quote && n != escape) {
              value.append(ch);
            }
            value.append((char) n);
          }
        } else if (ch == quote) {
          int n = in.read();
          if (n == quote) {
            raw.append((char) n);
            value.append(quote);
          } else {
            unread(n);
            inQuotes = false;
          }
        } else {
          value.append(ch);
        }
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r') {
          int n = in.read();
          if (n != '\n') {
            unread(n);
          }
        }
        break;
      } else {
        raw.append(ch);
        if (ch == delimiter) {
          values.add(value.toString());
          value.setLength(0);
        } else if (ch == quote && value.length() == 0 && !quoted.get(values.size())) {
          inQuotes = true;
          quoted.set(values.size());
        } else {
          value.append(ch);
        }
      }
    }
    values.add(value.toString());
    return new Row(values, quoted, raw.toString(), inQuotes);
  }

  private void unread(int c) throws IOException {
    if (c != END) {
      in.unread(c);
    }
  }
}
