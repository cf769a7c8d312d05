package io.sluice.core.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ('k' = 'v', "k2" = 2, k.x = true, ...)} as written by Spark users: keys single- or
 * double-quoted or unquoted dotted names, {@code =} optional, values strings, numbers or booleans.
 * Keys and values keep their case.
 */
final class PropertyListParser {
  private PropertyListParser() {}

  static Map<String, String> parse(TokenCursor c, String clause) {
    c.expectSymbol("(", "'(' after " + clause);
    Map<String, String> properties = new LinkedHashMap<>();
    if (c.acceptSymbol(")")) {
      return properties;
    }
    do {
      String key = key(c, clause);
      c.acceptSymbol("=");
      properties.put(key, OptionValues.read(c, "'" + key + "'"));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")", "',' or ')' in " + clause);
    return properties;
  }

  private static String key(TokenCursor c, String clause) {
    Token t = c.peek();
    if (t != null && t.isStringLiteral()) {
      return Literals.value(c.next());
    }
    if (t == null || !(t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_NAME)) {
      throw c.failure("a key in " + clause);
    }
    StringBuilder key = new StringBuilder(Literals.value(c.next()));
    while (c.atSymbol(".") && c.peek(1) != null && c.peek(1).kind() != TokenKind.SYMBOL) {
      c.next();
      key.append('.').append(Literals.value(c.next()));
    }
    return key.toString();
  }
}
