package io.sluice.core.sql;

import io.sluice.core.problem.ErrorCode;

/** The statements a pipeline file may hold but Sluice does not run (yet), and their messages. */
final class UnsupportedStatements {
  static final String DLT_FORMS =
      "Use CREATE STREAMING TABLE, CREATE MATERIALIZED VIEW, CREATE TEMPORARY VIEW,"
          + " CREATE FLOW ... AS INSERT INTO, CREATE SINK or SET key = value.";

  private UnsupportedStatements() {}

  /** Whether the cursor is at {@code AUTO CDC} or {@code APPLY CHANGES}. */
  static boolean atChangeDataCapture(TokenCursor c) {
    return c.atWords("AUTO", "CDC") || c.atWords("APPLY", "CHANGES");
  }

  /** AUTO CDC / APPLY CHANGES (INTO or FROM SNAPSHOT), as a statement or a flow. */
  static ParseFailure changeDataCapture(TokenCursor c) {
    Token at = c.peek();
    String words = at.isWord("AUTO") ? "AUTO CDC" : "APPLY CHANGES (AUTO CDC)";
    return new ParseFailure(
        ErrorCode.UNSUPPORTED_STATEMENT,
        c.locate(at),
        "Cannot use " + words + " yet: change data capture arrives in a later release",
        "Remove the statement for now, or land the changes append-only with CREATE STREAMING TABLE"
            + " ... AS SELECT ... FROM STREAM(source).");
  }

  /** Any statement that is not part of the pipeline language. */
  static ParseFailure other(TokenCursor c) {
    Token first = c.peek();
    Token second = c.peek(1);
    String words =
        first.upper()
            + (second != null && second.kind() == TokenKind.WORD ? " " + second.upper() : "");
    return new ParseFailure(
        ErrorCode.UNSUPPORTED_STATEMENT,
        c.locate(first),
        "Cannot use "
            + words
            + " in a pipeline definition: a pipeline defines datasets, flows and"
            + " sinks",
        DLT_FORMS);
  }
}
