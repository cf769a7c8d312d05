package io.sluice.core.sql;

import io.sluice.core.model.ChangeSpec;
import io.sluice.core.model.ColumnSelection;
import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.Reference;
import io.sluice.core.text.MappedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code AUTO CDC INTO target FROM [SNAPSHOT] source KEYS (k, ...) [IGNORE NULL UPDATES] [APPLY AS DELETE
 * WHEN cond] [APPLY AS TRUNCATE WHEN cond] SEQUENCE BY expr [COLUMNS a, b | COLUMNS * EXCEPT (a,
 * b)] [STORED AS SCD TYPE 1 | 2] [TRACK HISTORY ON a, b | * EXCEPT (a, b)]}, and the older {@code
 * APPLY CHANGES INTO}, as a flow's body or a statement of its own. The clauses after KEYS may come
 * in any order, each once. The expressions become columns of the flow's query (see {@link
 * ChangeSpec}), so Flink checks them against the source. With {@code FROM SNAPSHOT} the source
 * holds full snapshots: SEQUENCE BY, optional, is the snapshot version of a versioned series, and
 * the change clauses (IGNORE NULL UPDATES, APPLY AS DELETE / TRUNCATE WHEN) do not apply.
 */
final class ChangeFlowParser {
  private final TokenCursor c;
  private final ChangeClauses clauses = new ChangeClauses();

  private ChangeFlowParser(TokenCursor c) {
    this.c = c;
  }

  /**
   * Parses from {@code AUTO CDC} / {@code APPLY CHANGES}; {@code flowName} is empty for the
   * statement form, whose flow is named after its target.
   */
  static void parse(TokenCursor c, Optional<DefinedName> flowName, DefinitionsBuilder out) {
    new ChangeFlowParser(c).parse(flowName, out);
  }

  private void parse(Optional<DefinedName> flowName, DefinitionsBuilder out) {
    if (!c.acceptWords("AUTO", "CDC")) {
      c.expectWords("AUTO CDC or APPLY CHANGES", "APPLY", "CHANGES");
    }
    if (c.atWords("FROM", "SNAPSHOT")) {
      throw c.failure("INTO after AUTO CDC: write AUTO CDC INTO target FROM SNAPSHOT source KEYS (...)");
    }
    c.expectWords("INTO after AUTO CDC", "INTO");
    DefinedName target = DefinedName.read(c, "the AUTO CDC target");
    c.expectWords("FROM and the source after the target", "FROM");
    Token snapshotWord = c.peek();
    boolean fromSnapshot = c.atWords("SNAPSHOT") && c.peek(1) != null && !c.peek(1).isWord("KEYS")
        && c.acceptWords("SNAPSHOT");
    int sourceStart = c.position();
    skipExpression();
    if (c.position() == sourceStart) {
      throw c.failure("the source after FROM, such as STREAM(source)");
    }
    int sourceEnd = c.position();
    c.expectWords("KEYS after the source", "KEYS");
    List<String> keys = NameList.read(c, "a key column");
    while (!c.atEnd()) {
      clause();
    }
    if (fromSnapshot) {
      rejectChangeClauses(snapshotWord);
    } else if (clauses.sequence.isEmpty()) {
      throw c.failureAt(lastToken(), "SEQUENCE BY is missing: add SEQUENCE BY a column (or"
          + " STRUCT(a, b)) that orders the changes of a key");
    }
    Query query = query(fromSnapshot ? sourceStart - 2 : -1, sourceStart, sourceEnd);
    ChangeSpec spec = new ChangeSpec(keys, clauses.sequence.size(), clauses.ignoreNullUpdates,
        clauses.deleteWhen != null, clauses.truncateWhen != null, clauses.columns, clauses.scdType,
        clauses.trackHistory, fromSnapshot);
    DefinedName name = flowName.orElse(target);
    if (name.valid() && target.valid()) {
      out.add(new QueryFlow(name.name(), target.name(), query, false, false,
          c.context().locate(name.token()), Optional.of(spec)));
    }
  }

  /** FROM SNAPSHOT sources hold rows, not changes: a missing key is the delete. */
  private void rejectChangeClauses(Token snapshot) {
    String why = " does not apply to AUTO CDC FROM SNAPSHOT: its source holds full snapshots, and a key"
        + " missing from a snapshot is deleted";
    if (clauses.ignoreNullUpdates || clauses.deleteWhen != null || clauses.truncateWhen != null) {
      String clause = clauses.ignoreNullUpdates ? "IGNORE NULL UPDATES"
          : clauses.deleteWhen != null ? "APPLY AS DELETE WHEN" : "APPLY AS TRUNCATE WHEN";
      throw c.failureAt(snapshot, clause + why + "; remove the clause");
    }
  }

  private void clause() {
    Token at = c.peek();
    if (c.acceptWords("IGNORE", "NULL", "UPDATES")) {
      onlyOnce(clauses.ignoreNullUpdates, at, "IGNORE NULL UPDATES");
      clauses.ignoreNullUpdates = true;
    } else if (c.acceptWords("APPLY", "AS", "DELETE", "WHEN")) {
      onlyOnce(clauses.deleteWhen != null, at, "APPLY AS DELETE WHEN");
      clauses.deleteWhen = expression("a condition after APPLY AS DELETE WHEN");
    } else if (c.acceptWords("APPLY", "AS", "TRUNCATE", "WHEN")) {
      onlyOnce(clauses.truncateWhen != null, at, "APPLY AS TRUNCATE WHEN");
      clauses.truncateWhen = expression("a condition after APPLY AS TRUNCATE WHEN");
    } else if (c.acceptWords("SEQUENCE", "BY")) {
      onlyOnce(!clauses.sequence.isEmpty(), at, "SEQUENCE BY");
      clauses.sequence = sequence();
    } else if (c.acceptWords("COLUMNS")) {
      clauses.columns = selection(clauses.columns, at, "COLUMNS");
    } else if (c.acceptWords("STORED", "AS", "SCD", "TYPE")) {
      Token type = c.peek();
      if (type == null || !(type.text().equals("1") || type.text().equals("2"))) {
        throw c.failure("1 or 2 after STORED AS SCD TYPE");
      }
      c.next();
      clauses.scdType = Integer.parseInt(type.text());
    } else if (c.acceptWords("TRACK", "HISTORY", "ON")) {
      clauses.trackHistory = selection(clauses.trackHistory, at, "TRACK HISTORY ON");
    } else {
      throw c.failure("IGNORE NULL UPDATES, APPLY AS DELETE WHEN, APPLY AS TRUNCATE WHEN,"
          + " SEQUENCE BY, COLUMNS, STORED AS SCD TYPE or TRACK HISTORY ON");
    }
  }

  private void onlyOnce(boolean given, Token at, String clause) {
    if (given) {
      throw c.failureAt(at, clause + " is given twice; give it once");
    }
  }

  /** {@code a, b} or {@code * EXCEPT (a, b)}. */
  private ColumnSelection selection(ColumnSelection earlier, Token at, String clause) {
    if (earlier.mode() != ColumnSelection.Mode.ALL) {
      throw c.failureAt(at, clause + " is given twice");
    }
    if (c.acceptSymbol("*")) {
      c.expectWords("EXCEPT after *", "EXCEPT");
      return new ColumnSelection(ColumnSelection.Mode.EXCEPT, NameList.read(c, "a column name"));
    }
    List<String> names = new ArrayList<>();
    boolean parens = c.acceptSymbol("(");
    do {
      Token t = c.peek();
      if (t == null || !(t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_NAME)) {
        throw c.failure("a column name in " + clause);
      }
      names.add(Literals.value(c.next()));
    } while (c.acceptSymbol(","));
    if (parens) {
      c.expectSymbol(")", "')' after the columns");
    }
    return new ColumnSelection(ColumnSelection.Mode.ONLY, names);
  }

  /** The expression ranges of SEQUENCE BY: one, or a STRUCT's fields. */
  private List<int[]> sequence() {
    if (c.atWords("STRUCT") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
      c.next();
      int close = c.matchingClose(c.position());
      c.next();
      List<int[]> fields = new ArrayList<>();
      int start = c.position();
      int depth = 0;
      while (c.position() < close) {
        Token t = c.peek();
        depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
        if (depth == 0 && t.isSymbol(",")) {
          fields.add(new int[] {start, c.position()});
          c.next();
          start = c.position();
        } else {
          c.next();
        }
      }
      fields.add(new int[] {start, close});
      c.next();
      return fields;
    }
    return List.of(expression("a column (or STRUCT(a, b)) after SEQUENCE BY"));
  }

  /** The tokens up to the next clause or the end, at parenthesis depth 0. */
  private int[] expression(String expected) {
    int start = c.position();
    skipExpression();
    if (c.position() == start) {
      throw c.failure(expected);
    }
    return new int[] {start, c.position()};
  }

  private void skipExpression() {
    while (!c.atEnd() && !atClause()) {
      if (c.peek().isSymbol("(")) {
        int close = c.matchingClose(c.position());
        c.seek(close + 1);
      } else {
        c.next();
      }
    }
  }

  private boolean atClause() {
    return c.atWords("KEYS") || c.atWords("IGNORE", "NULL") || c.atWords("APPLY", "AS")
        || c.atWords("SEQUENCE", "BY") || c.atWords("COLUMNS") || c.atWords("STORED", "AS")
        || c.atWords("TRACK", "HISTORY");
  }

  private Token lastToken() {
    return c.tokens().get(c.tokens().size() - 1);
  }

  /** {@code SELECT *, seq AS __sluice_seq_0, ..., (cond) AS __sluice_delete ... FROM source}. */
  private Query query(int snapshotFrom, int sourceStart, int sourceEnd) {
    ChangeQueryText text = new ChangeQueryText(c);
    text.insert("SELECT *");
    for (int i = 0; i < clauses.sequence.size(); i++) {
      text.insert(", ");
      text.expression(clauses.sequence.get(i), "SEQUENCE BY");
      text.insert(" AS `" + ChangeSpec.SEQUENCE_PREFIX + i + "`");
    }
    if (clauses.deleteWhen != null) {
      text.insert(", (");
      text.expression(clauses.deleteWhen, "APPLY AS DELETE WHEN");
      text.insert(") AS `" + ChangeSpec.DELETE + "`");
    }
    if (clauses.truncateWhen != null) {
      text.insert(", (");
      text.expression(clauses.truncateWhen, "APPLY AS TRUNCATE WHEN");
      text.insert(") AS `" + ChangeSpec.TRUNCATE + "`");
    }
    text.insert(" ");
    List<Reference> references = snapshotFrom >= 0 ? text.snapshotSource(snapshotFrom, sourceStart, sourceEnd)
        : text.source(sourceStart, sourceEnd);
    MappedText sql = text.build();
    return new Query(c.context().text().text().substring(c.tokens().get(0).start(),
        lastToken().end()), sql, references);
  }

  /** The clauses read so far. */
  private static final class ChangeClauses {
    boolean ignoreNullUpdates;
    int[] deleteWhen;
    int[] truncateWhen;
    List<int[]> sequence = List.of();
    ColumnSelection columns = ColumnSelection.ALL;
    int scdType = 1;
    ColumnSelection trackHistory = ColumnSelection.ALL;
  }
}
