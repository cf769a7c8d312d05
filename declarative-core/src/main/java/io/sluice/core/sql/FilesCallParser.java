package io.sluice.core.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the arguments of {@code read_files('path', format => 'json', header => true, ...)} and of
 * the older {@code cloud_files('path', 'json' [, map('key', 'value', ...)])}.
 */
final class FilesCallParser {

  /**
   * @param options {@code format} and the other reader options; keys in lower case
   * @param streaming {@code cloud_files} always reads incrementally
   * @param end index of the token after the call's {@code )}
   */
  record FilesCall(String path, Map<String, String> options, boolean streaming, int end) {}

  private FilesCallParser() {}

  /** Parses the call whose name is at {@code at}; the caller checked that {@code (} follows. */
  static FilesCall parse(ParseContext context, List<Token> tokens, int at) {
    int close = Parens.close(tokens, at + 1);
    if (close < 0) {
      throw new TokenCursor(context, tokens, tokens.get(tokens.size() - 1).end(), "read_files")
          .failureAt(tokens.get(at + 1), "expected ')' to close the argument list");
    }
    String function = tokens.get(at).text().toLowerCase(Locale.ROOT);
    TokenCursor c =
        new TokenCursor(
            context, tokens.subList(at, close + 1), tokens.get(close).end(), function + "(...)");
    c.next();
    c.expectSymbol("(", "'('");
    String path = string(c, "the path to read, as a string");
    Map<String, String> options = new LinkedHashMap<>();
    boolean cloudFiles = function.equals("cloud_files");
    if (cloudFiles) {
      c.expectSymbol(",", "',' and the file format after the path");
      options.put("format", string(c, "the file format as a string, for example 'json'"));
      if (c.acceptSymbol(",")) {
        mapOptions(c, options);
      }
    } else {
      while (c.acceptSymbol(",")) {
        namedOption(c, options);
      }
    }
    c.expectSymbol(
        ")", cloudFiles ? "')' or ', map(...)' after the format" : "')' or ', name => value'");
    return new FilesCall(path, options, cloudFiles, close + 1);
  }

  private static void namedOption(TokenCursor c, Map<String, String> options) {
    Token name = c.peek();
    if (name == null
        || name.kind() != TokenKind.WORD
        || c.peek(1) == null
        || !c.peek(1).isSymbol("=>")) {
      throw c.failure("a named option such as format => 'json'");
    }
    c.next();
    c.next();
    options.put(
        name.text().toLowerCase(Locale.ROOT), OptionValues.read(c, "option " + name.text()));
  }

  private static void mapOptions(TokenCursor c, Map<String, String> options) {
    c.expectWords("map(...) with the reader options", "MAP");
    c.expectSymbol("(", "'(' after map");
    if (c.acceptSymbol(")")) {
      return;
    }
    do {
      String key = string(c, "an option name as a string");
      c.expectSymbol(",", "',' and a value after option '" + key + "'");
      options.put(key.toLowerCase(Locale.ROOT), OptionValues.read(c, "option " + key));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")", "')' or ', key, value' in map(...)");
  }

  private static String string(TokenCursor c, String expected) {
    Token t = c.peek();
    if (t == null || !t.isStringLiteral()) {
      throw c.failure(expected);
    }
    return Literals.value(c.next());
  }
}
