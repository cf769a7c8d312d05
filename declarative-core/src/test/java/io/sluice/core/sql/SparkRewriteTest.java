package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkRewriteTest {

  private static String rewritten(String query) {
    return Parsed.query(query).sql().text();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "SELECT \"abc\" AS s                 | SELECT 'abc' AS s",
        "SELECT \"it's\" AS s                | SELECT 'it''s' AS s",
        "SELECT \"say \\\"hi\\\"\" AS s      | SELECT 'say \"hi\"' AS s",
        "SELECT \"a\\\\d+\" AS s             | SELECT 'a\\d+' AS s",
        "SELECT \"\" AS s                    | SELECT '' AS s",
        "SELECT 'kept \"as\" is' AS s        | SELECT 'kept \"as\" is' AS s",
        "SELECT 'a\\d' AS s                  | SELECT 'a\\d' AS s",
      })
  void turnsDoubleQuotedStringsIntoSqlStrings(String query, String expected) {
    assertThat(rewritten(query)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "-->",
      quoteCharacter = '~',
      value = {
        "SELECT * FROM t WHERE email RLIKE '^a.*'                     --> SELECT * FROM `t` WHERE"
            + " REGEXP(email, '^a.*')",
        "SELECT * FROM t WHERE email rlike \"^a.*\"                   --> SELECT * FROM `t` WHERE"
            + " REGEXP(email, '^a.*')",
        "SELECT * FROM t WHERE c.email REGEXP '^a'                    --> SELECT * FROM `t` WHERE"
            + " REGEXP(c.email, '^a')",
        "SELECT * FROM t WHERE `e mail` NOT RLIKE '^a'                --> SELECT * FROM `t` WHERE"
            + " NOT REGEXP(`e mail`, '^a')",
        "SELECT * FROM t WHERE NOT email RLIKE '^a'                   --> SELECT * FROM `t` WHERE"
            + " NOT REGEXP(email, '^a')",
        "SELECT * FROM t WHERE lower(email) RLIKE pattern             --> SELECT * FROM `t` WHERE"
            + " REGEXP(lower(email), pattern)",
        "SELECT * FROM t WHERE (a || b) RLIKE concat('^', p)          --> SELECT * FROM `t` WHERE"
            + " REGEXP((a || b), concat('^', p))",
        "SELECT x RLIKE 'a' AS m, y RLIKE 'b' OR z RLIKE 'c' FROM t   --> SELECT REGEXP(x, 'a') AS"
            + " m, REGEXP(y, 'b') OR REGEXP(z, 'c') FROM `t`",
        "SELECT CASE WHEN s RLIKE 'a' THEN 1 END AS k FROM t          --> SELECT CASE WHEN"
            + " REGEXP(s, 'a') THEN 1 END AS k FROM `t`",
        "SELECT rlike(s, 'a') AS m FROM t                             --> SELECT REGEXP(s, 'a') AS"
            + " m FROM `t`",
        "SELECT REGEXP(s, 'a') AS m FROM t                            --> SELECT REGEXP(s, 'a') AS"
            + " m FROM `t`",
        "SELECT * FROM t WHERE a || b RLIKE 'x'                       --> SELECT * FROM `t` WHERE a"
            + " || b RLIKE 'x'",
        "SELECT * FROM t WHERE a RLIKE 'x' || 'y'                     --> SELECT * FROM `t` WHERE a"
            + " RLIKE 'x' || 'y'",
      })
  void rewritesRegularExpressionOperators(String query, String expected) {
    assertThat(rewritten(query)).isEqualTo(expected);
  }
}
