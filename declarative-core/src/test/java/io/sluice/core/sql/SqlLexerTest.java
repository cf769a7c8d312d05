package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problems;
import io.sluice.core.text.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

  private static List<Token> lex(String sql, Problems problems) {
    return SqlLexer.tokenize(new SourceFile("l.sql", sql).text(), problems);
  }

  private static List<String> kindsAndTexts(String sql) {
    return SqlLexer.significant(lex(sql, new Problems())).stream()
        .map(t -> t.kind() + ":" + t.text())
        .toList();
  }

  @Test
  void keepsEveryCharacterInSomeToken() {
    String sql = "SELECT a.b, 'x''y' /* c */ -- d\nFROM `t` WHERE n >= 1.5e3 AND s = \"q\\\"\"";
    List<Token> tokens = lex(sql, new Problems());

    assertThat(String.join("", tokens.stream().map(Token::text).toList())).isEqualTo(sql);
    for (int i = 1; i < tokens.size(); i++) {
      assertThat(tokens.get(i).start()).isEqualTo(tokens.get(i - 1).end());
    }
  }

  @Test
  void tellsTokenKindsApart() {
    assertThat(kindsAndTexts("SELECT `a b`, 'it''s', \"dq\", 10L, 1.5, x=>y, a <> b, m<n>"))
        .containsExactly(
            "WORD:SELECT",
            "QUOTED_NAME:`a b`",
            "SYMBOL:,",
            "STRING:'it''s'",
            "SYMBOL:,",
            "DOUBLE_STRING:\"dq\"",
            "SYMBOL:,",
            "NUMBER:10L",
            "SYMBOL:,",
            "NUMBER:1.5",
            "SYMBOL:,",
            "WORD:x",
            "SYMBOL:=>",
            "WORD:y",
            "SYMBOL:,",
            "WORD:a",
            "SYMBOL:<>",
            "WORD:b",
            "SYMBOL:,",
            "WORD:m",
            "SYMBOL:<",
            "WORD:n",
            "SYMBOL:>");
  }

  @Test
  void keepsSemicolonsInsideStringsAndComments() {
    assertThat(kindsAndTexts("SELECT ';' -- ;\n/* ; */;"))
        .containsExactly("WORD:SELECT", "STRING:';'", "SYMBOL:;");
  }

  @Test
  void recognisesNotebookCellSeparators() {
    List<Token> tokens =
        lex(
            "-- COMMAND ----------\n--COMMAND---\n-- COMMAND is not one\n-- MAGIC %md",
            new Problems());

    assertThat(tokens.stream().filter(t -> !t.kind().equals(TokenKind.WHITESPACE)).map(Token::kind))
        .containsExactly(
            TokenKind.SEPARATOR, TokenKind.SEPARATOR, TokenKind.COMMENT, TokenKind.COMMENT);
  }

  @Test
  void letsStringsSpanLines() {
    Problems problems = new Problems();

    assertThat(SqlLexer.significant(lex("SELECT 'two\nlines' AS s", problems))).hasSize(4);
    assertThat(problems.list()).isEmpty();
  }

  @Test
  void endsAnUnclosedStringAtTheLineThatEndsTheStatement() {
    Problems problems = new Problems();
    List<Token> tokens =
        SqlLexer.significant(lex("SELECT 'oops FROM t;\nSELECT 'fine' AS f;", problems));

    assertThat(problems.list())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(ErrorCode.SQL_SYNTAX);
              assertThat(p.location().line()).isEqualTo(1);
              assertThat(p.location().column()).isEqualTo(8);
            });
    assertThat(tokens.get(1).broken()).isTrue();
    assertThat(tokens.get(3).text()).isEqualTo("'fine'");
  }

  @Test
  void endsAnUnclosedBacktickAtTheEndOfItsLine() {
    Problems problems = new Problems();
    List<Token> tokens = SqlLexer.significant(lex("SELECT `oops FROM t\nWHERE x", problems));

    assertThat(problems.list()).hasSize(1);
    assertThat(tokens.get(2).text()).isEqualTo("WHERE");
  }

  @Test
  void reportsUnclosedBlockComment() {
    Problems problems = new Problems();
    lex("SELECT 1 /* never closed", problems);

    assertThat(problems.list()).extracting(p -> p.location().column()).containsExactly(10);
  }
}
