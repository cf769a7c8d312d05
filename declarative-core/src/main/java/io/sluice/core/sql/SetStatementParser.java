package io.sluice.core.sql;

import java.util.List;

/**
 * {@code SET key = value} (also {@code key=value}): a setting for the pipeline. The key and value
 * are taken as written around the first {@code =}; a value that is one quoted string is unquoted.
 */
final class SetStatementParser {
  private SetStatementParser() {}

  static void parse(TokenCursor c, DefinitionsBuilder out) {
    c.next();
    List<Token> tokens = c.tokens();
    int equals = -1;
    for (int i = c.position(); i < tokens.size() && equals < 0; i++) {
      equals = tokens.get(i).isSymbol("=") ? i : -1;
    }
    if (equals <= c.position() || equals == tokens.size() - 1) {
      throw c.failure("key = value after SET");
    }
    ParseContext context = c.context();
    Token firstKey = tokens.get(c.position());
    String key =
        firstKey == tokens.get(equals - 1)
            ? Literals.value(firstKey)
            : context.source(firstKey, tokens.get(equals - 1));
    Token firstValue = tokens.get(equals + 1);
    Token lastValue = tokens.get(tokens.size() - 1);
    String value =
        firstValue == lastValue
            ? Literals.value(firstValue)
            : context.source(firstValue, lastValue);
    out.set(key, value);
    c.seek(tokens.size());
  }
}
