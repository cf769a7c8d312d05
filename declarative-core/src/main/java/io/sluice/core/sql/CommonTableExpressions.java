package io.sluice.core.sql;

import io.sluice.core.model.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a query defines with {@code WITH a AS (...), b AS (...)}, at its start or at the start
 * of any subquery. They are not datasets; they apply to the whole query.
 */
final class CommonTableExpressions {
  private CommonTableExpressions() {}

  static Set<String> names(List<Token> tokens) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isWord("WITH") && (i == 0 || tokens.get(i - 1).isSymbol("("))) {
        collect(tokens, i + 1, names);
      }
    }
    return names;
  }

  private static void collect(List<Token> tokens, int from, Set<String> names) {
    int i = from < tokens.size() && tokens.get(from).isWord("RECURSIVE") ? from + 1 : from;
    while (i + 2 < tokens.size() && tokens.get(i).isName()) {
      names.add(Names.normalize(tokens.get(i).text()));
      i++;
      if (tokens.get(i).isSymbol("(")) {
        i = Parens.close(tokens, i) + 1;
      }
      if (i <= 0
          || i + 1 >= tokens.size()
          || !tokens.get(i).isWord("AS")
          || !tokens.get(i + 1).isSymbol("(")) {
        return;
      }
      i = Parens.close(tokens, i + 1) + 1;
      if (i <= 0 || i >= tokens.size() || !tokens.get(i).isSymbol(",")) {
        return;
      }
      i++;
    }
  }
}
