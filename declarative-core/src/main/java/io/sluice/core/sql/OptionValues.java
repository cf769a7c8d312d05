package io.sluice.core.sql;

import java.util.Locale;

/** Reads an option or property value: a string, a (signed) number or a boolean, as Spark allows. */
final class OptionValues {
  private OptionValues() {}

  static String read(TokenCursor c, String what) {
    Token t = c.peek();
    String sign = "";
    if (t != null
        && (t.isSymbol("-") || t.isSymbol("+"))
        && c.peek(1) != null
        && c.peek(1).kind() == TokenKind.NUMBER) {
      sign = t.isSymbol("-") ? "-" : "";
      c.next();
      t = c.peek();
    }
    if (t == null) {
      throw c.failure("a value for " + what);
    }
    if (t.isStringLiteral()) {
      return Literals.value(c.next());
    }
    if (t.kind() == TokenKind.NUMBER) {
      return sign + c.next().text();
    }
    if (t.isWord("TRUE") || t.isWord("FALSE")) {
      return c.next().text().toLowerCase(Locale.ROOT);
    }
    throw c.failure("a string, number or boolean as the value of " + what);
  }
}
