package io.sluice.core.sql;

import java.util.List;

/**
 * One statement of a definition file.
 *
 * @param tokens its significant tokens (no white space, comments or terminator)
 * @param endOffset where "the end of the statement" is: the {@code ;} if there is one, else just
 *     after the last token
 * @param broken it holds a token the lexer already reported (an unclosed string), so it is not
 *     parsed further
 */
record Statement(List<Token> tokens, int endOffset, boolean broken) {

  Statement {
    tokens = List.copyOf(tokens);
  }

  Token first() {
    return tokens.get(0);
  }
}
