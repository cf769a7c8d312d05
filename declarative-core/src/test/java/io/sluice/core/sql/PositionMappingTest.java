package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.model.Query;
import io.sluice.core.model.SourceLocation;
import io.sluice.core.text.MappedText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flink reports errors against the rewritten SQL by line and column; every such position must lead
 * back to the same token in the file.
 */
class PositionMappingTest {

  /** Line and column (1-based) of the first occurrence of {@code token} in a text. */
  private static int[] lineAndColumn(String text, String token) {
    int offset = text.indexOf(token);
    assertThat(offset).as("'%s' in %s", token, text).isNotNegative();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }

  private static void assertMapsBack(String file, MappedText sql, String token) {
    int[] inSql = lineAndColumn(sql.text(), token);
    int[] inFile = lineAndColumn(file, token);
    assertThat(sql.locate(inSql[0], inSql[1]))
        .as("'%s'", token)
        .isEqualTo(SourceLocation.of("test.sql", inFile[0], inFile[1]));
  }

  @Test
  void mapsTokensAfterEveryKindOfRewriteBackToTheFile() {
    String file =
        String.join(
            "\n",
            "-- a comment line",
            "CREATE OR REFRESH STREAMING TABLE t AS",
            "SELECT LIVE.src.id, \"text\" AS label, bogus_column,",
            "  email RLIKE '^x' AS ok, after_regexp",
            "FROM STREAM(LIVE.src) JOIN read_files('/in', format => 'json') f ON f.k = src.k",
            "  JOIN delta.`/tables/dim` d ON d.k = f.k",
            "WHERE misspeled_function(id) > 0;");
    Query query = Parsed.sql(file).flow("t").query();

    assertMapsBack(file, query.sql(), "bogus_column");
    assertMapsBack(file, query.sql(), "after_regexp");
    assertMapsBack(file, query.sql(), "JOIN");
    assertMapsBack(file, query.sql(), "f.k = src.k");
    assertMapsBack(file, query.sql(), "d.k = f.k");
    assertMapsBack(file, query.sql(), "misspeled_function");
    assertMapsBack(file, query.sql(), "'^x'");
  }

  @Test
  void mapsPlaceholdersToTheNameTheyReplace() {
    String file =
        "CREATE MATERIALIZED VIEW m AS\nSELECT * FROM STREAM(LIVE.orders) o, LIVE.items i";
    Query query = Parsed.sql(file).flow("m").query();

    int[] orders = lineAndColumn(query.sql().text(), "`orders`");
    assertThat(query.sql().locate(orders[0], orders[1]))
        .isEqualTo(SourceLocation.of("test.sql", 2, 27));
    int[] items = lineAndColumn(query.sql().text(), "`items`");
    assertThat(query.sql().locate(items[0], items[1]))
        .isEqualTo(SourceLocation.of("test.sql", 2, 43));
  }

  @Test
  void mapsPositionsAfterParameterSubstitution() {
    String file =
        "CREATE MATERIALIZED VIEW m AS\n"
            + "  SELECT '${region}' AS r, ${column_name}, unknown_col FROM t";
    Query query =
        Parsed.sql(file, Map.of("region", "a-much-longer-region-name", "column_name", "c"))
            .flow("m")
            .query();

    assertThat(query.sql().text())
        .isEqualTo("SELECT 'a-much-longer-region-name' AS r, c, unknown_col FROM `t`");
    assertMapsBack(file, query.sql(), "unknown_col");
    assertMapsBack(file, query.sql(), "AS r");
    int[] substituted = lineAndColumn(query.sql().text(), "-longer");
    assertThat(query.sql().locate(substituted[0], substituted[1]))
        .isEqualTo(SourceLocation.of("test.sql", 2, 11));
  }

  @Test
  void mapsExpectationPredicatesBackToTheFile() {
    String file =
        "CREATE STREAMING TABLE t (\n  CONSTRAINT c EXPECT (x RLIKE \"a\" AND oops > 0)\n);";
    MappedText predicate = Parsed.sql(file).dataset("t").spec().expectations().get(0).predicate();

    assertThat(predicate.text()).isEqualTo("REGEXP(x, 'a') AND oops > 0");
    assertMapsBack(file, predicate, "oops");
    assertThat(predicate.start()).isEqualTo(SourceLocation.of("test.sql", 2, 24));
  }

  @Test
  void locatesQueryStart() {
    Query query = Parsed.sql("CREATE MATERIALIZED VIEW m AS\n\n   SELECT 1 AS x").flow("m").query();

    assertThat(query.location()).isEqualTo(SourceLocation.of("test.sql", 3, 4));
  }
}
