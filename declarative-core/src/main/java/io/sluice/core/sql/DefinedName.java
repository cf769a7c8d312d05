package io.sluice.core.sql;

import io.sluice.core.model.Names;
import io.sluice.core.problem.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The name a statement defines (or a flow writes to): backticks allowed, normalized to lower case.
 * {@code LIVE.x} means {@code x}; another qualified name keeps its last part with a warning; a name
 * that is not a valid dataset name is an error, and the definition is then left out.
 *
 * @param token the (last) name token, where the definition is located
 */
record DefinedName(String name, boolean valid, Token token) {

  /** Reads {@code [IF NOT EXISTS] name}; {@code what} names the thing, as in "the flow". */
  static DefinedName read(TokenCursor c, String what) {
    c.acceptWords("IF", "NOT", "EXISTS");
    Token first = c.peek();
    if (first == null
        || !(first.kind() == TokenKind.QUOTED_NAME
            || (first.kind() == TokenKind.WORD && !first.isWord("AS")))) {
      throw c.failure("a name for " + what);
    }
    List<Token> parts = new ArrayList<>(List.of(c.next()));
    while (c.atSymbol(".") && c.peek(1) != null && c.peek(1).isName()) {
      c.next();
      parts.add(c.next());
    }
    Token last = parts.get(parts.size() - 1);
    String name = Names.normalize(last.text());
    ParseContext context = c.context();
    if (parts.size() > 1 && !(parts.size() == 2 && first.isLive())) {
      context.warn(
          ErrorCode.INVALID_NAME,
          first,
          "Cannot use the qualified name '"
              + context.source(first, last)
              + "' for "
              + what
              + ": datasets live in the pipeline's catalog and database, so only '"
              + name
              + "' is used",
          "Write the bare name '" + name + "' and set catalog and database in pipeline.yaml.");
    }
    boolean valid = Names.isValid(name);
    if (!valid) {
      context.error(
          ErrorCode.INVALID_NAME,
          last,
          "Cannot use '"
              + name
              + "' as the name of "
              + what
              + ": a name has only letters, digits and underscores and does not start with a digit",
          "Rename it, for example to '" + suggestion(name) + "'.");
    }
    return new DefinedName(name, valid, last);
  }

  private static String suggestion(String name) {
    String cleaned = name.replaceAll("[^a-z0-9_]", "_");
    return cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
  }
}
