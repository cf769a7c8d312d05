package io.sluice.core.sql;

import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import java.util.List;

/**
 * Rewrites Spark's regular-expression operators, which Flink does not accept, into Flink's
 * function: {@code a [NOT] RLIKE b} and {@code a [NOT] REGEXP b} become {@code [NOT] REGEXP(a, b)},
 * and the function {@code rlike(a, b)} becomes {@code REGEXP(a, b)}.
 *
 * <p>An operand must be a single literal, a (dotted or backticked) name, a function call or a
 * parenthesised group, with nothing binding tighter next to it (so {@code x || y RLIKE z} is left
 * alone rather than silently changed in meaning; Flink then reports it at its place in the file).
 * The inserted {@code [NOT] REGEXP(} maps to the left operand, so the expression still starts where
 * the user's did; the inserted comma and parenthesis map to the operator.
 */
final class RegexpOperatorRewriter {
  private static final int MAX_PASSES = 8;

  private final MappedText sql;
  private final List<Token> tokens;

  private RegexpOperatorRewriter(MappedText sql) {
    this.sql = sql;
    this.tokens = SqlLexer.significant(SqlLexer.tokenize(sql, new Problems()));
  }

  static MappedText rewrite(MappedText sql) {
    MappedText current = sql;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      TextEdits edits = new RegexpOperatorRewriter(current).edits();
      if (edits.isEmpty()) {
        return current;
      }
      current = edits.apply(current, 0, current.length());
    }
    return current;
  }

  /** The rewrites of one pass; nested operators are handled by the next pass. */
  private TextEdits edits() {
    TextEdits edits = new TextEdits();
    int done = 0;
    for (int k = 0; k < tokens.size(); k++) {
      Token op = tokens.get(k);
      if (!op.isWord("RLIKE") && !op.isWord("REGEXP")) {
        continue;
      }
      boolean operator =
          k > 0
              && (isOperandEnd(tokens.get(k - 1))
                  || (tokens.get(k - 1).isWord("NOT") && k > 1 && isOperandEnd(tokens.get(k - 2))));
      if (!operator && op.isWord("RLIKE") && at(k + 1, "(") && op.start() >= done) {
        edits.replace(op.start(), op.end(), TextEdits.inserted(sql, "REGEXP", op.start()));
        done = op.end();
      } else if (operator) {
        done = operator(k, done, edits);
      }
    }
    return edits;
  }

  /**
   * Rewrites the operator at {@code k} if its operands are simple; returns the new end of edits.
   */
  private int operator(int k, int done, TextEdits edits) {
    boolean not = tokens.get(k - 1).isWord("NOT");
    int leftEnd = not ? k - 2 : k - 1;
    int leftStart = operandStart(leftEnd);
    int rightEnd = operandEnd(k + 1);
    if (leftStart < 0
        || rightEnd < 0
        || !boundaryBefore(leftStart)
        || !boundaryAfter(rightEnd + 1)
        || tokens.get(leftStart).start() < done) {
      return done;
    }
    int left = tokens.get(leftStart).start();
    int op0 = tokens.get(k).start();
    MappedText.Builder out = MappedText.builder(sql.file());
    out.insert(not ? "NOT REGEXP(" : "REGEXP(", sql.originOf(left))
        .append(sql, tokens.get(leftStart).start(), tokens.get(leftEnd).end())
        .insert(", ", sql.originOf(op0))
        .append(sql, tokens.get(k + 1).start(), tokens.get(rightEnd).end())
        .insert(")", sql.originOf(op0));
    int end = tokens.get(rightEnd).end();
    edits.replace(left, end, out.build());
    return end;
  }

  private static boolean isOperandEnd(Token t) {
    return t.isName()
        || t.isStringLiteral()
        || t.kind() == TokenKind.NUMBER
        || t.isSymbol(")")
        || t.isWordIn(Keywords.LITERAL_WORDS);
  }

  /** Start index of the simple operand ending at {@code end}, or -1. */
  private int operandStart(int end) {
    if (end < 0) {
      return -1;
    }
    Token t = tokens.get(end);
    if (t.isSymbol(")")) {
      int open = Parens.open(tokens, end);
      return open > 0 && tokens.get(open - 1).isName() ? nameStart(open - 1) : open;
    }
    if (t.isStringLiteral() || t.kind() == TokenKind.NUMBER || t.isWordIn(Keywords.LITERAL_WORDS)) {
      return end;
    }
    return t.isName() ? nameStart(end) : -1;
  }

  private int nameStart(int last) {
    int i = last;
    while (i >= 2 && at(i - 1, ".") && tokens.get(i - 2).isName()) {
      i -= 2;
    }
    return i;
  }

  /** End index (inclusive) of the simple operand starting at {@code start}, or -1. */
  private int operandEnd(int start) {
    if (start >= tokens.size()) {
      return -1;
    }
    Token t = tokens.get(start);
    if (t.isSymbol("(")) {
      return Parens.close(tokens, start);
    }
    if (t.isStringLiteral() || t.kind() == TokenKind.NUMBER || t.isWordIn(Keywords.LITERAL_WORDS)) {
      return start;
    }
    if (!t.isName()) {
      return -1;
    }
    int i = start;
    while (at(i + 1, ".") && i + 2 < tokens.size() && tokens.get(i + 2).isName()) {
      i += 2;
    }
    return at(i + 1, "(") ? Parens.close(tokens, i + 1) : i;
  }

  private boolean boundaryBefore(int start) {
    if (start == 0) {
      return true;
    }
    Token t = tokens.get(start - 1);
    return t.isSymbol("(") || t.isSymbol(",") || t.isWordIn(Keywords.TERM_START);
  }

  private boolean boundaryAfter(int next) {
    if (next >= tokens.size()) {
      return true;
    }
    Token t = tokens.get(next);
    return t.kind() == TokenKind.WORD || t.isSymbol(")") || t.isSymbol(",") || t.isSymbol(";");
  }

  private boolean at(int i, String symbol) {
    return i >= 0 && i < tokens.size() && tokens.get(i).isSymbol(symbol);
  }
}
