package io.sluice.core.sql;

import io.sluice.core.text.MappedText;
import java.util.List;

/**
 * Turns an expression written with Spark habits (an expectation's predicate, a watermark) into
 * Flink SQL: double-quoted strings become single-quoted, {@code RLIKE} becomes {@code REGEXP(...)}.
 */
final class ExpressionRewriter {
  private ExpressionRewriter() {}

  /** The expression spanning {@code tokens} (significant, not empty), rewritten. */
  static MappedText rewrite(ParseContext context, List<Token> tokens) {
    MappedText text = context.text();
    TextEdits edits = new TextEdits();
    for (Token t : tokens) {
      if (t.kind() == TokenKind.DOUBLE_STRING) {
        edits.replace(t.start(), t.end(), Literals.toFlinkString(text, t));
      }
    }
    MappedText written =
        edits.apply(text, tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
    return RegexpOperatorRewriter.rewrite(written);
  }
}
