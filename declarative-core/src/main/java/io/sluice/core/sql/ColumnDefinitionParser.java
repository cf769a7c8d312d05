package io.sluice.core.sql;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.problem.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code name TYPE [NOT NULL] [COMMENT '...'] [PRIMARY KEY ...]} (the key is warned about and
 * ignored). The type is kept as written; nested {@code ( )} and {@code < >} must balance ({@code
 * DECIMAL(10,2)}, {@code MAP<STRING, ARRAY<INT>>}, {@code STRUCT<a: INT>}), and only type words may
 * follow its first word ({@code TIMESTAMP(3) WITH LOCAL TIME ZONE}), so a stray word is reported
 * instead of being swallowed into the type.
 */
final class ColumnDefinitionParser {
  private static final Set<String> TYPE_WORDS =
      Set.of(
          "PRECISION",
          "VARYING",
          "WITH",
          "WITHOUT",
          "LOCAL",
          "TIME",
          "ZONE",
          "YEAR",
          "MONTH",
          "DAY",
          "HOUR",
          "MINUTE",
          "SECOND",
          "TO");
  private static final Set<String> NOT_A_TYPE =
      Set.of(
          "NOT", "NULL", "COMMENT", "DEFAULT", "GENERATED", "AS", "CONSTRAINT", "PRIMARY", "MASK");

  private ColumnDefinitionParser() {}

  /**
   * Reads one column. Views may list a column without a type (Spark renames the query's columns
   * that way); such a column is read and returned as empty.
   */
  static Optional<ColumnSpec> parse(TokenCursor c, boolean view) {
    Token name = c.peek();
    if (name == null || !(name.kind() == TokenKind.WORD || name.kind() == TokenKind.QUOTED_NAME)) {
      throw c.failure("a column, CONSTRAINT, WATERMARK FOR or PRIMARY KEY");
    }
    c.next();
    List<Token> type = typeTokens(c);
    if (type.isEmpty() && !(view && (c.atSymbol(",") || c.atSymbol(")") || c.atWords("COMMENT")))) {
      throw c.failure("a type after column " + name.text());
    }
    boolean notNull = false;
    Optional<String> comment = Optional.empty();
    while (true) {
      if (c.acceptWords("NOT", "NULL")) {
        notNull = true;
      } else if (c.acceptWords("COMMENT")) {
        Token text = c.peek();
        if (text == null || !text.isStringLiteral()) {
          throw c.failure("a string after COMMENT");
        }
        comment = Optional.of(Literals.value(c.next()));
      } else if (c.atWords("PRIMARY", "KEY")) {
        primaryKey(c);
      } else if (!c.acceptWords("NULL")) {
        break;
      }
    }
    if (!c.atSymbol(",") && !c.atSymbol(")")) {
      throw c.failure(
          "NOT NULL, COMMENT, PRIMARY KEY, ',' or ')' after the type of column " + name.text());
    }
    if (type.isEmpty()) {
      return Optional.empty();
    }
    String typeText = c.context().source(type.get(0), type.get(type.size() - 1));
    return Optional.of(
        new ColumnSpec(Literals.value(name), typeText, notNull, comment, c.context().locate(name)));
  }

  /** {@code PRIMARY KEY [NOT ENFORCED] [RELY | NORELY]} on a column: informational, ignored. */
  private static void primaryKey(TokenCursor c) {
    Token primary = c.next();
    c.next();
    c.acceptWords("NOT", "ENFORCED");
    if (!c.acceptWords("RELY")) {
      c.acceptWords("NORELY");
    }
    c.context()
        .warn(
            ErrorCode.UNSUPPORTED_FEATURE,
            primary,
            "Cannot enforce PRIMARY KEY: key constraints are informational and Sluice ignores them",
            "Remove the constraint, or state the rule as CONSTRAINT name EXPECT (...).");
  }

  private static List<Token> typeTokens(TokenCursor c) {
    int start = c.position();
    StringBuilder open = new StringBuilder();
    while (!c.atEnd()) {
      Token t = c.peek();
      if (open.length() == 0 && !partOfType(t, c.position() == start)) {
        break;
      }
      if (t.isSymbol("(") || t.isSymbol("<")) {
        open.append(t.text());
      } else if (t.isSymbol(")") || t.isSymbol(">")) {
        char innermost = open.charAt(open.length() - 1);
        if (innermost != (t.isSymbol(")") ? '(' : '<')) {
          String closer = innermost == '(' ? "')'" : "'>'";
          throw c.failureAt(
              t,
              "expected "
                  + closer
                  + " to close '"
                  + innermost
                  + "' in a column type, found "
                  + TokenCursor.found(t));
        }
        open.setLength(open.length() - 1);
      } else if (t.isSymbol("<>")) {
        throw c.failureAt(t, "expected a type inside '<' and '>', found '<>'");
      }
      c.next();
    }
    return c.tokens().subList(start, c.position());
  }

  /** At nesting depth 0: the type's first word, a word that continues it, or an opening bracket. */
  private static boolean partOfType(Token t, boolean first) {
    if (first) {
      return t.kind() == TokenKind.WORD && !t.isWordIn(NOT_A_TYPE);
    }
    return t.isWordIn(TYPE_WORDS) || t.isSymbol("(") || t.isSymbol("<");
  }
}
