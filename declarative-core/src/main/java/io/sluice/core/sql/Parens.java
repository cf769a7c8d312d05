package io.sluice.core.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Finds matching parentheses in a list of significant tokens. */
final class Parens {
  private Parens() {}

  /** Index of the {@code )} that closes the {@code (} at {@code open}, or -1 if none does. */
  static int close(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the {@code (} that the {@code )} at {@code close} closes, or -1 if none does. */
  static int open(List<Token> tokens, int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.isSymbol(")")) {
        depth++;
      } else if (t.isSymbol("(") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The first unbalanced parenthesis of a statement (an unclosed {@code (} or a stray {@code )}),
   * or null.
   */
  static Token unbalanced(List<Token> tokens) {
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens) {
      if (t.isSymbol("(")) {
        open.push(t);
      } else if (t.isSymbol(")")) {
        if (open.isEmpty()) {
          return t;
        }
        open.pop();
      }
    }
    return open.peek();
  }
}
