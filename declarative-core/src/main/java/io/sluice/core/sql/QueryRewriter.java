package io.sluice.core.sql;

import io.sluice.core.model.Query;
import io.sluice.core.model.Reference;
import io.sluice.core.text.MappedText;
import java.util.List;

/**
 * Turns the query of a definition into Flink SQL: references become placeholders, {@code LIVE.}
 * prefixes go, Spark string and regular-expression syntax becomes Flink's. The result maps every
 * character back to the file, so Flink's errors point at what the user wrote.
 */
final class QueryRewriter {
  private QueryRewriter() {}

  /** The query made of every token left in {@code c}, which ends up at the end. */
  static Query rewrite(TokenCursor c) {
    if (c.atEnd()) {
      throw c.failure("a query after AS");
    }
    TokenCursor query = c.rest();
    List<Token> tokens = query.tokens();
    ParseContext context = query.context();
    TextEdits edits = new TextEdits();
    List<ReferenceSite> sites = new ReferenceScanner(query, edits).scan();
    List<Reference> references = Placeholders.assign(context, sites, edits);
    int start = tokens.get(0).start();
    int end = tokens.get(tokens.size() - 1).end();
    MappedText sql = RegexpOperatorRewriter.rewrite(edits.apply(context.text(), start, end));
    return new Query(context.text().text().substring(start, end), sql, references);
  }
}
