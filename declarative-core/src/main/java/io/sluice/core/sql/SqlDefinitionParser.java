package io.sluice.core.sql;

import io.sluice.core.model.DefinitionSet;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.MappedText;
import io.sluice.core.text.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * Reads a SQL definition file (a plain {@code .sql} file or a Databricks SQL notebook export) into
 * the datasets, flows and settings it defines.
 *
 * <p>Phases: {@code ${key}} parameters are substituted from the configuration; the text is
 * tokenized; tokens are cut into statements at {@code ;} and notebook cell separators; each
 * statement is parsed on its own. Every problem is added to {@code problems} with its file, line
 * and column, and parsing goes on with the next statement, so one run reports every problem of the
 * file. Queries are rewritten into Flink SQL whose every character maps back to the file.
 */
public final class SqlDefinitionParser {
  private SqlDefinitionParser() {}

  /** Parses {@code file}; never throws for a problem in the file. */
  public static DefinitionSet parse(
      SourceFile file, Map<String, String> configuration, Problems problems) {
    MappedText text = ParameterSubstitution.apply(file, configuration, problems);
    ParseContext context = new ParseContext(text, problems);
    List<Token> tokens = SqlLexer.tokenize(text, problems);
    DefinitionsBuilder out = new DefinitionsBuilder();
    for (Statement statement : StatementSplitter.split(tokens, context)) {
      if (statement.broken()) {
        continue;
      }
      try {
        statement(TokenCursor.of(context, statement, "statement"), out);
      } catch (ParseFailure failure) {
        problems.add(failure.problem());
      }
    }
    return out.build();
  }

  private static void statement(TokenCursor c, DefinitionsBuilder out) {
    if (c.atWords("SET")) {
      c.subject("SET");
      requireBalanced(c);
      SetStatementParser.parse(c, out);
    } else if (c.atWords("CREATE")) {
      c.subject("CREATE statement");
      create(c, out);
    } else if (UnsupportedStatements.atChangeDataCapture(c)) {
      c.subject("AUTO CDC statement");
      requireBalanced(c);
      ChangeFlowParser.parse(c, java.util.Optional.empty(), out);
    } else {
      throw UnsupportedStatements.other(c);
    }
  }

  private static void requireBalanced(TokenCursor c) {
    Token unbalanced = Parens.unbalanced(c.tokens());
    if (unbalanced != null) {
      throw c.failureAt(
          unbalanced,
          unbalanced.isSymbol("(")
              ? "the '(' here is never closed"
              : "the ')' here closes nothing");
    }
  }

  private static void create(TokenCursor c, DefinitionsBuilder out) {
    CreateHeader header = CreateHeader.read(c);
    c.subject(header.label());
    requireBalanced(c);
    switch (header.kind()) {
      case FLOW:
        FlowStatementParser.parse(c, out);
        break;
      case SINK:
        SinkStatementParser.parse(c, out);
        break;
      case STREAMING_TABLE:
      case MATERIALIZED_VIEW:
      case TEMPORARY_VIEW:
      case VIEW:
        DatasetStatementParser.parse(c, header, out);
        break;
      default:
        throw new IllegalStateException("Unknown statement kind " + header.kind());
    }
  }
}
