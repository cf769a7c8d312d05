package io.sluice.core.sql;

import io.sluice.core.text.MappedText;

/**
 * Values of quoted tokens: single-quoted SQL strings ({@code ''} is a quote), backticked names
 * ({@code ``} is a backtick) and Spark's double-quoted strings, whose backslash escapes follow
 * Spark ({@code \\} is a backslash, {@code \"} a quote, {@code \n} a newline, {@code \%} and {@code
 * \_} stay escaped for LIKE, any other {@code \x} is {@code x}).
 */
final class Literals {
  private Literals() {}

  /** Receives the decoded value piece by piece, with the offset each piece was written at. */
  interface Sink {
    void emit(String piece, int offset);
  }

  /** The value of a quoted token, quotes removed and escapes resolved; other tokens as written. */
  static String value(Token t) {
    if (t.kind() != TokenKind.STRING
        && t.kind() != TokenKind.DOUBLE_STRING
        && t.kind() != TokenKind.QUOTED_NAME) {
      return t.text();
    }
    StringBuilder b = new StringBuilder();
    decode(t, (piece, offset) -> b.append(piece));
    return b.toString();
  }

  /** A Spark double-quoted string as a Flink string literal; every character keeps its origin. */
  static MappedText toFlinkString(MappedText text, Token t) {
    MappedText.Builder out = MappedText.builder(text.file());
    out.insert("'", text.originOf(t.start()));
    decode(t, (piece, offset) -> out.insert(piece.replace("'", "''"), text.originOf(offset)));
    out.insert("'", text.originOf(t.end() - 1));
    return out.build();
  }

  static void decode(Token t, Sink sink) {
    String s = t.text();
    char quote = s.charAt(0);
    int end = t.broken() ? s.length() : s.length() - 1;
    int i = 1;
    while (i < end) {
      char c = s.charAt(i);
      if (t.kind() == TokenKind.DOUBLE_STRING && c == '\\' && i + 1 < end) {
        i = escape(s, i, t.start(), sink);
      } else if (c == quote && i + 1 < end && s.charAt(i + 1) == quote) {
        sink.emit(String.valueOf(quote), t.start() + i);
        i += 2;
      } else {
        sink.emit(String.valueOf(c), t.start() + i);
        i++;
      }
    }
  }

  /** Decodes the escape at {@code s[i]} (a backslash); returns the index after it. */
  private static int escape(String s, int i, int base, Sink sink) {
    char d = s.charAt(i + 1);
    String decoded;
    int next = i + 2;
    switch (d) {
      case 'n':
        decoded = "\n";
        break;
      case 't':
        decoded = "\t";
        break;
      case 'r':
        decoded = "\r";
        break;
      case 'b':
        decoded = "\b";
        break;
      case '0':
        decoded = "\0";
        break;
      case 'Z':
        decoded = "\u001A";
        break;
      case '%':
        decoded = "\\%";
        break;
      case '_':
        decoded = "\\_";
        break;
      case 'u':
        if (i + 6 <= s.length() - 1 && s.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
          decoded = String.valueOf((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
          next = i + 6;
        } else {
          decoded = "u";
        }
        break;
      default:
        decoded = String.valueOf(d);
    }
    sink.emit(decoded, base + i);
    return next;
  }
}
