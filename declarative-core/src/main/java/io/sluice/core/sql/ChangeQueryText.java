package io.sluice.core.sql;

import io.sluice.core.model.Reference;
import io.sluice.core.text.MappedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the query of an AUTO CDC flow from pieces of its statement: inserted text, the clauses'
 * expressions and the source, each rewritten as a query is (Spark strings, {@code LIVE.}
 * prefixes, references to placeholders) and still mapped to the file, so that Flink's errors in
 * an expression point at the clause.
 */
final class ChangeQueryText {
  private final TokenCursor statement;
  private final ParseContext context;
  private final List<Token> tokens;
  private final MappedText.Builder out;
  private final int origin;

  ChangeQueryText(TokenCursor statement) {
    this.statement = statement;
    this.context = statement.context();
    this.tokens = statement.tokens();
    this.out = MappedText.builder(context.text().file());
    this.origin = context.text().originOf(tokens.get(0).start());
  }

  void insert(String text) {
    out.insert(text, origin);
  }

  /** Tokens {@code [range[0], range[1])}: an expression that reads no dataset. */
  void expression(int[] range, String clause) {
    TextEdits edits = new TextEdits();
    List<ReferenceSite> sites = new ReferenceScanner(cursor(range[0], range[1], clause), edits).scan();
    if (!sites.isEmpty()) {
      throw statement.failureAt(tokens.get(range[0]),
          clause + " reads a table; it is an expression over the source's columns");
    }
    append(edits, range[0], range[1]);
  }

  /** {@code FROM} and the source, tokens {@code [start - 1, end)}; returns what it reads. */
  List<Reference> source(int start, int end) {
    return source(tokens.subList(start - 1, end), start - 1, end);
  }

  /**
   * {@code FROM SNAPSHOT} and the source: FROM is token {@code from}, the source tokens {@code
   * [start, end)}; the query reads {@code FROM source}. Returns what it reads.
   */
  List<Reference> snapshotSource(int from, int start, int end) {
    List<Token> read = new ArrayList<>();
    read.add(tokens.get(from));
    read.addAll(tokens.subList(start, end));
    insert("FROM ");
    return source(read, start, end);
  }

  private List<Reference> source(List<Token> read, int start, int end) {
    TextEdits edits = new TextEdits();
    TokenCursor from = new TokenCursor(context, read, tokens.get(end - 1).end(), "the AUTO CDC source");
    List<ReferenceSite> sites = new ReferenceScanner(from, edits).scan();
    if (sites.isEmpty()) {
      throw statement.failureAt(read.get(1), "the source after FROM is not a table; write FROM STREAM(source)");
    }
    List<Reference> references = Placeholders.assign(context, sites, edits);
    append(edits, start, end);
    return references;
  }

  MappedText build() {
    return RegexpOperatorRewriter.rewrite(out.build());
  }

  private TokenCursor cursor(int start, int end, String subject) {
    return new TokenCursor(context, tokens.subList(start, end), tokens.get(end - 1).end(), subject);
  }

  private void append(TextEdits edits, int start, int end) {
    MappedText piece = edits.apply(context.text(), tokens.get(start).start(), tokens.get(end - 1).end());
    out.append(piece, 0, piece.length());
  }
}
