package io.sluice.core.sql;

import java.util.ArrayList;
import java.util.List;

/** {@code (a, `b`, c)}: column names as written, backticks removed. */
final class NameList {
  private NameList() {}

  static List<String> read(TokenCursor c, String what) {
    c.expectSymbol("(", "'(' and a list of columns");
    List<String> names = new ArrayList<>();
    do {
      Token t = c.peek();
      if (t == null || !(t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_NAME)) {
        throw c.failure(what);
      }
      names.add(Literals.value(c.next()));
    } while (c.acceptSymbol(","));
    c.expectSymbol(")", "',' or ')' in the column list");
    return names;
  }
}
