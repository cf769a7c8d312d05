package io.sluice.core.sql;

import io.sluice.core.model.ColumnSpec;
import io.sluice.core.model.Expectation;
import io.sluice.core.model.ViolationAction;
import io.sluice.core.model.WatermarkSpec;
import io.sluice.core.problem.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the comma-separated list after a dataset's name, in any order: columns ({@code name TYPE
 * [NOT NULL] [COMMENT '...']}), expectations ({@code CONSTRAINT name EXPECT (predicate) [ON
 * VIOLATION DROP ROW | FAIL UPDATE | QUARANTINE]}), one {@code WATERMARK FOR col AS expr}, and
 * informational keys ({@code PRIMARY KEY}, {@code FOREIGN KEY}: warned about, ignored).
 */
final class TableElementParser {
  /** Words that may follow a column's type, so {@code constraint STRING NOT NULL} is a column. */
  private static final Set<String> COLUMN_WORDS = Set.of("NOT", "NULL", "COMMENT");

  private final TokenCursor c;
  private final ParseContext context;
  private final boolean view;
  private final List<ColumnSpec> columns = new ArrayList<>();
  private final List<Expectation> expectations = new ArrayList<>();
  private Optional<WatermarkSpec> watermark = Optional.empty();
  private boolean typelessWarned;

  private TableElementParser(TokenCursor c, boolean view) {
    this.c = c;
    this.context = c.context();
    this.view = view;
  }

  /**
   * Reads {@code ( ... )}; the cursor is on the {@code (}. Views may list columns without types.
   */
  static TableElements parse(TokenCursor c, boolean view) {
    TableElementParser parser = new TableElementParser(c, view);
    c.expectSymbol("(", "'('");
    if (!c.acceptSymbol(")")) {
      do {
        parser.element();
      } while (c.acceptSymbol(","));
      c.expectSymbol(")", "',' or ')' in the column list");
    }
    return new TableElements(parser.columns, parser.expectations, parser.watermark);
  }

  private void element() {
    Token first = c.peek();
    if (c.atWords("CONSTRAINT") && isConstraint()) {
      constraint();
    } else if (c.atWords("PRIMARY", "KEY") || c.atWords("FOREIGN", "KEY")) {
      informational(first);
    } else if (c.atWords("WATERMARK", "FOR")) {
      watermark(first);
    } else {
      ColumnDefinitionParser.parse(c, view)
          .ifPresentOrElse(columns::add, () -> warnTypeless(first));
    }
  }

  /** Tells {@code CONSTRAINT c EXPECT ...} from a column that happens to be called constraint. */
  private boolean isConstraint() {
    Token name = c.peek(1);
    Token after = c.peek(2);
    return (name != null && (name.isStringLiteral() || name.isWord("EXPECT")))
        || (after != null && after.kind() == TokenKind.WORD && !after.isWordIn(COLUMN_WORDS));
  }

  private void constraint() {
    Token constraint = c.next();
    Token name = c.peek();
    if (name == null
        || !(name.kind() == TokenKind.WORD
            || name.kind() == TokenKind.QUOTED_NAME
            || name.isStringLiteral())) {
      throw c.failure("a name after CONSTRAINT");
    }
    if (name.isWord("EXPECT") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
      throw c.failure("a name after CONSTRAINT");
    }
    c.next();
    if (c.atWords("PRIMARY", "KEY") || c.atWords("FOREIGN", "KEY")) {
      informational(constraint);
      return;
    }
    c.expectWords("EXPECT, PRIMARY KEY or FOREIGN KEY after the constraint name", "EXPECT");
    c.expectSymbol("(", "'(' and a condition after EXPECT");
    int close = c.matchingClose(c.position() - 1);
    List<Token> predicate = c.tokens().subList(c.position(), close);
    if (predicate.isEmpty()) {
      throw c.failure("a condition inside EXPECT ( )");
    }
    c.seek(close + 1);
    ViolationAction action = violation();
    expectations.add(
        new Expectation(
            Literals.value(name),
            ExpressionRewriter.rewrite(context, predicate),
            action,
            context.locate(name)));
  }

  private ViolationAction violation() {
    if (!c.acceptWords("ON")) {
      return ViolationAction.WARN;
    }
    c.expectWords("VIOLATION after ON", "VIOLATION");
    if (c.acceptWords("DROP", "ROW")) {
      return ViolationAction.DROP;
    }
    if (c.acceptWords("FAIL", "UPDATE")) {
      return ViolationAction.FAIL;
    }
    if (c.acceptWords("QUARANTINE")) {
      return ViolationAction.QUARANTINE;
    }
    throw c.failure("DROP ROW, FAIL UPDATE or QUARANTINE after ON VIOLATION");
  }

  private void informational(Token start) {
    List<Token> skipped = untilElementEnd();
    context.warn(
        ErrorCode.UNSUPPORTED_FEATURE,
        start,
        "Cannot enforce '"
            + context.source(start, skipped.get(skipped.size() - 1))
            + "': key constraints are informational and Sluice ignores them",
        "Remove the constraint, or state the rule as CONSTRAINT name EXPECT (...).");
  }

  private void watermark(Token start) {
    c.next();
    c.next();
    Token column = c.peek();
    if (column == null || !column.isName()) {
      throw c.failure("a column name after WATERMARK FOR");
    }
    c.next();
    c.expectWords("AS and an expression after the watermark column", "AS");
    List<Token> expression = untilElementEnd();
    if (expression.isEmpty()) {
      throw c.failure("an expression after WATERMARK FOR " + column.text() + " AS");
    }
    if (watermark.isPresent()) {
      throw c.failureAt(start, "a dataset has at most one WATERMARK, found a second one");
    }
    watermark =
        Optional.of(
            new WatermarkSpec(
                Literals.value(column),
                ExpressionRewriter.rewrite(context, expression),
                context.locate(start)));
  }

  private void warnTypeless(Token name) {
    if (!typelessWarned) {
      typelessWarned = true;
      context.warn(
          ErrorCode.UNSUPPORTED_FEATURE,
          name,
          "Cannot rename the columns of a view with a column list: the list is ignored",
          "Name the columns in the view's query with AS instead.");
    }
  }

  /** Skips to the {@code ,} or {@code )} that ends the current element; returns what it skipped. */
  private List<Token> untilElementEnd() {
    int start = c.position();
    while (!c.atEnd() && !c.atSymbol(",") && !c.atSymbol(")")) {
      c.seek(c.atSymbol("(") ? c.matchingClose(c.position()) + 1 : c.position() + 1);
    }
    return c.tokens().subList(start, c.position());
  }
}
