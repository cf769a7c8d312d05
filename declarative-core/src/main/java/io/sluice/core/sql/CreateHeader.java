package io.sluice.core.sql;

import io.sluice.core.model.Visibility;
import io.sluice.core.problem.ErrorCode;

/**
 * The words of a CREATE statement before the name: {@code CREATE [OR REFRESH] [PRIVATE] [TEMPORARY]
 * kind}, with the legacy spellings ({@code STREAMING LIVE TABLE}, {@code LIVE TABLE}, {@code
 * TEMPORARY LIVE VIEW}, {@code TEMPORARY STREAMING TABLE}).
 *
 * @param label the statement in canonical words, for messages
 */
record CreateHeader(Kind kind, Visibility visibility, String label) {

  enum Kind {
    STREAMING_TABLE,
    MATERIALIZED_VIEW,
    TEMPORARY_VIEW,
    /** {@code CREATE VIEW}: read as a temporary view, with a warning. */
    VIEW,
    FLOW,
    SINK
  }

  /** Reads the header; the cursor is on {@code CREATE}. */
  static CreateHeader read(TokenCursor c) {
    c.next();
    if (!c.acceptWords("OR", "REFRESH") && !c.acceptWords("OR", "REPLACE") && c.atWords("OR")) {
      c.next();
      throw c.failure("REFRESH after CREATE OR");
    }
    Token privateWord = c.peek();
    boolean isPrivate = c.acceptWords("PRIVATE");
    boolean temporary = c.acceptWords("TEMPORARY") || c.acceptWords("TEMP");
    CreateHeader header = temporary ? temporary(c) : persisted(c);
    if (isPrivate
        && (header.kind == Kind.TEMPORARY_VIEW
            || header.kind == Kind.VIEW
            || header.kind == Kind.FLOW
            || header.kind == Kind.SINK)) {
      throw c.failureAt(
          privateWord, "PRIVATE applies only to streaming tables and materialized views");
    }
    Visibility visibility = isPrivate ? Visibility.PRIVATE : Visibility.PUBLIC;
    return new CreateHeader(header.kind, visibility, header.label);
  }

  private static CreateHeader temporary(TokenCursor c) {
    boolean streaming = c.acceptWords("STREAMING");
    boolean live = c.acceptWords("LIVE");
    if (c.acceptWords("VIEW") || ((streaming || live) && c.acceptWords("TABLE"))) {
      return of(Kind.TEMPORARY_VIEW, "CREATE TEMPORARY VIEW");
    }
    throw c.failure("VIEW, LIVE VIEW, LIVE TABLE or STREAMING TABLE after TEMPORARY");
  }

  private static CreateHeader persisted(TokenCursor c) {
    if (c.acceptWords("STREAMING")) {
      c.acceptWords("LIVE");
      c.expectWords("TABLE after STREAMING", "TABLE");
      return of(Kind.STREAMING_TABLE, "CREATE STREAMING TABLE");
    }
    if (c.acceptWords("MATERIALIZED", "VIEW") || c.acceptWords("LIVE", "TABLE")) {
      return of(Kind.MATERIALIZED_VIEW, "CREATE MATERIALIZED VIEW");
    }
    if (c.acceptWords("LIVE", "VIEW")) {
      return of(Kind.TEMPORARY_VIEW, "CREATE TEMPORARY VIEW");
    }
    if (c.acceptWords("VIEW")) {
      return of(Kind.VIEW, "CREATE VIEW");
    }
    if (c.acceptWords("FLOW")) {
      return of(Kind.FLOW, "CREATE FLOW");
    }
    if (c.acceptWords("SINK")) {
      return of(Kind.SINK, "CREATE SINK");
    }
    Token what = c.peek();
    String words = what == null ? "CREATE" : "CREATE " + what.upper();
    throw new ParseFailure(
        ErrorCode.UNSUPPORTED_STATEMENT,
        c.locate(what),
        "Cannot use "
            + words
            + " in a pipeline definition: a pipeline defines datasets, flows and"
            + " sinks",
        UnsupportedStatements.DLT_FORMS);
  }

  private static CreateHeader of(Kind kind, String label) {
    return new CreateHeader(kind, Visibility.PUBLIC, label);
  }
}
