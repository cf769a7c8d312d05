package io.sluice.core.sql;

import io.sluice.core.model.Query;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import io.sluice.core.yaml.QuerySyntax;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL definitions' query syntax for queries and expressions written elsewhere (YAML
 * definitions, the Java builder): the same parameters, references and rewriting as in a
 * {@code .sql} file.
 */
public final class SqlQuerySyntax implements QuerySyntax {
  private final Map<String, String> configuration;

  public SqlQuerySyntax(Map<String, String> configuration) {
    this.configuration = Map.copyOf(configuration);
  }

  @Override
  public MappedText substitute(MappedText text, Problems problems) {
    return ParameterSubstitution.apply(text, configuration, problems);
  }

  @Override
  public Optional<Query> query(MappedText text, Problems problems) {
    return single(text, problems, "query").flatMap(c -> {
      try {
        return Optional.of(QueryRewriter.rewrite(c));
      } catch (ParseFailure f) {
        problems.add(f.problem());
        return Optional.empty();
      }
    });
  }

  @Override
  public Optional<io.sluice.core.model.QueryFlow> changeFlow(MappedText statement, Problems problems) {
    return single(statement, problems, "AUTO CDC flow").flatMap(c -> {
      DefinitionsBuilder out = new DefinitionsBuilder();
      try {
        ChangeFlowParser.parse(c, Optional.empty(), out);
      } catch (ParseFailure f) {
        problems.add(f.problem());
        return Optional.empty();
      }
      return out.build().flows().stream().filter(io.sluice.core.model.QueryFlow.class::isInstance)
          .map(io.sluice.core.model.QueryFlow.class::cast).findFirst();
    });
  }

  @Override
  public Optional<MappedText> expression(MappedText text, Problems problems) {
    return single(text, problems, "expression").flatMap(c -> {
      if (c.atEnd()) {
        problems.error(ErrorCode.SQL_SYNTAX, text.start(), "Cannot read an empty expression",
            "Write a boolean SQL expression, for example 'id IS NOT NULL'.");
        return Optional.empty();
      }
      return Optional.of(ExpressionRewriter.rewrite(c.context(), c.tokens()));
    });
  }

  /** The text as one statement, or empty (with a problem) if it holds none or several. */
  private static Optional<TokenCursor> single(MappedText text, Problems problems, String what) {
    ParseContext context = new ParseContext(text, problems);
    List<Statement> statements = StatementSplitter.split(SqlLexer.tokenize(text, problems), context);
    List<Statement> real = statements.stream().filter(s -> !s.tokens().isEmpty()).toList();
    if (real.size() > 1) {
      problems.error(ErrorCode.SQL_SYNTAX, text.locate(real.get(1).tokens().get(0).start()),
          "Cannot read this " + what + ": it holds more than one statement",
          "Remove the ';' or write one " + what + " per definition.");
      return Optional.empty();
    }
    if (real.isEmpty() || real.get(0).broken()) {
      if (real.isEmpty()) {
        problems.error(ErrorCode.SQL_SYNTAX, text.start(), "Cannot read an empty " + what,
            "Write the " + what + ".");
      }
      return Optional.empty();
    }
    return Optional.of(TokenCursor.of(context, real.get(0), what));
  }
}
