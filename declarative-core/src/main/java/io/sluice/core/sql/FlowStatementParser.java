package io.sluice.core.sql;

import io.sluice.core.model.Query;
import io.sluice.core.model.QueryFlow;

/**
 * {@code CREATE FLOW name [COMMENT '...'] AS INSERT INTO [ONCE] target [BY NAME] query}. The target
 * may be written {@code LIVE.target}. {@code AS AUTO CDC} / {@code AS APPLY CHANGES}: see {@link
 * ChangeFlowParser}.
 */
final class FlowStatementParser {
  private FlowStatementParser() {}

  static void parse(TokenCursor c, DefinitionsBuilder out) {
    DefinedName name = DefinedName.read(c, "the flow");
    if (c.acceptWords("COMMENT")) {
      Token comment = c.peek();
      if (comment == null || !comment.isStringLiteral()) {
        throw c.failure("a string after COMMENT");
      }
      c.next();
    }
    c.expectWords("AS after the flow's name", "AS");
    if (UnsupportedStatements.atChangeDataCapture(c)) {
      ChangeFlowParser.parse(c, java.util.Optional.of(name), out);
      return;
    }
    c.expectWords("INSERT INTO after AS", "INSERT", "INTO");
    boolean once = c.acceptWords("ONCE");
    DefinedName target = DefinedName.read(c, "the flow's target");
    c.acceptWords("BY", "NAME");
    Query query = QueryRewriter.rewrite(c);
    if (name.valid() && target.valid()) {
      out.add(
          new QueryFlow(
              name.name(), target.name(), query, once, false, c.context().locate(name.token())));
    }
  }
}
