package io.sluice.core.sql;

/** What a piece of SQL text is; white space and comments are kept so rewriting can copy ranges. */
enum TokenKind {
  /** An unquoted identifier or keyword. */
  WORD,
  /** A backticked identifier. */
  QUOTED_NAME,
  /** A single-quoted string literal (SQL escaping: {@code ''}). */
  STRING,
  /** A double-quoted string literal, Spark style (backslash escapes). */
  DOUBLE_STRING,
  NUMBER,
  /** Punctuation and operators, for example {@code (}, {@code ,}, {@code =>}. */
  SYMBOL,
  WHITESPACE,
  COMMENT,
  /** A notebook cell separator: {@code -- COMMAND ----------}. */
  SEPARATOR;

  boolean isTrivia() {
    return this == WHITESPACE || this == COMMENT || this == SEPARATOR;
  }
}
