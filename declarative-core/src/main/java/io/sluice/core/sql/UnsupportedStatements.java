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
