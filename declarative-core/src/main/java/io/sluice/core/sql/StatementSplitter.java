package io.sluice.core.sql;

import io.sluice.core.problem.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a file's tokens into statements. A statement ends at {@code ;} (strings and comments are
 * single tokens, so a {@code ;} inside them does not count), at a notebook cell separator ({@code
 * -- COMMAND ----------}), or before a {@code CREATE} outside parentheses when the previous
 * statement forgot its {@code ;} (reported, and both statements are still parsed).
 */
final class StatementSplitter {
  private final ParseContext context;
  private final List<Statement> statements = new ArrayList<>();
  private List<Token> current = new ArrayList<>();
  private boolean broken;
  private int depth;

  private StatementSplitter(ParseContext context) {
    this.context = context;
  }

  static List<Statement> split(List<Token> tokens, ParseContext context) {
    StatementSplitter splitter = new StatementSplitter(context);
    for (Token token : tokens) {
      splitter.accept(token);
    }
    splitter.finish(context.text().length());
    return splitter.statements;
  }

  private void accept(Token token) {
    broken |= token.broken();
    if (token.kind() == TokenKind.SEPARATOR) {
      finish(token.start());
    } else if (token.isSymbol(";")) {
      finish(token.start());
    } else if (!token.kind().isTrivia()) {
      if (token.isWord("CREATE") && depth == 0 && !current.isEmpty()) {
        if (!broken) {
          reportMissingTerminator(token);
        }
        finish(current.get(current.size() - 1).end());
      }
      depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
      depth = Math.max(depth, 0);
      current.add(token);
    }
  }

  private void reportMissingTerminator(Token create) {
    Token previous = current.get(0);
    context.error(
        ErrorCode.SQL_SYNTAX,
        create,
        "Cannot parse the "
            + previous.upper()
            + " statement that starts at line "
            + context.locate(previous).line()
            + ": expected ';' before the next statement, found 'CREATE'",
        "End the previous statement with ';' (in a notebook, a '-- COMMAND ----------' line also"
            + " ends it).");
  }

  private void finish(int endOffset) {
    if (!current.isEmpty()) {
      statements.add(new Statement(current, endOffset, broken));
    }
    current = new ArrayList<>();
    broken = false;
    depth = 0;
  }
}
