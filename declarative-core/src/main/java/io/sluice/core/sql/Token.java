package io.sluice.core.sql;

import io.sluice.core.model.Names;
import java.util.Locale;
import java.util.Set;

/**
 * A token of a definition file.
 *
 * @param start offset of the first character in the (parameter-substituted) text
 * @param end offset after the last character
 * @param broken the lexer already reported this token as malformed (an unclosed string)
 */
record Token(TokenKind kind, int start, int end, String text, boolean broken) {

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  boolean isWord(String upperCaseWord) {
    return kind == TokenKind.WORD && text.equalsIgnoreCase(upperCaseWord);
  }

  boolean isWordIn(Set<String> upperCaseWords) {
    return kind == TokenKind.WORD && upperCaseWords.contains(upper());
  }

  boolean isSymbol(String symbol) {
    return kind == TokenKind.SYMBOL && text.equals(symbol);
  }

  /** An identifier that may name a table or column: backticked, or a word that is not reserved. */
  boolean isName() {
    return kind == TokenKind.QUOTED_NAME
        || (kind == TokenKind.WORD && !isWordIn(Keywords.RESERVED));
  }

  /** {@code LIVE} (or {@code `live`}), the old schema name of a pipeline's own datasets. */
  boolean isLive() {
    return (kind == TokenKind.WORD || kind == TokenKind.QUOTED_NAME)
        && Names.normalize(text).equals("live");
  }

  boolean isStringLiteral() {
    return kind == TokenKind.STRING || kind == TokenKind.DOUBLE_STRING;
  }
}
