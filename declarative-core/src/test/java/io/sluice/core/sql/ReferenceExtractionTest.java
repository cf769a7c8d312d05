package io.sluice.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sluice.core.model.Query;
import io.sluice.core.model.Reference;
import io.sluice.core.model.ReferenceKind;
import io.sluice.core.problem.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceExtractionTest {

  private static Object[] names(Query query) {
    return query.references().stream().map(Reference::name).toArray();
  }

  @Test
  void findsStreamAndPlainReadsInOrder() {
    Query query = Parsed.query("SELECT * FROM STREAM(a) JOIN b ON a.id = b.id");

    assertThat(query.references())
        .extracting("kind", "name", "streaming", "placeholder")
        .containsExactly(
            tuple(ReferenceKind.DATASET, "a", true, "a"),
            tuple(ReferenceKind.DATASET, "b", false, "b"));
    assertThat(query.sql().text()).isEqualTo("SELECT * FROM `a` JOIN `b` ON a.id = b.id");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "STREAM(x)          | `x`",
        "STREAM x           | `x`",
        "STREAM(LIVE.x)     | `x`",
        "STREAM LIVE.x      | `x`",
        "stream ( live . x )| `x`",
        "STREAM(X)          | `x` AS X",
        "STREAM(`x`)        | `x`",
      })
  void readsEverySpellingOfStream(String written, String rewritten) {
    Query query = Parsed.query("SELECT * FROM " + written + " WHERE true");

    assertThat(query.references())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.name()).isEqualTo("x");
              assertThat(r.streaming()).isTrue();
            });
    assertThat(query.sql().text()).isEqualTo("SELECT * FROM " + rewritten + " WHERE true");
  }

  @Test
  void readsLivePrefixAndDropsItFromQualifiedColumns() {
    Query query =
        Parsed.query("SELECT LIVE.orders.id, o.amount FROM LIVE.orders o WHERE LIVE.orders.id > 0");

    assertThat(names(query)).containsExactly("orders");
    assertThat(query.references().get(0).streaming()).isFalse();
    assertThat(query.sql().text())
        .isEqualTo("SELECT orders.id, o.amount FROM `orders` o WHERE orders.id > 0");
  }

  @Test
  void keepsTheNameAsWrittenAsAliasWhenItDiffers() {
    Query query = Parsed.query("SELECT Orders.id FROM LIVE.Orders, `Items` AS i, Users u");

    assertThat(names(query)).containsExactly("orders", "items", "users");
    assertThat(query.sql().text())
        .isEqualTo("SELECT Orders.id FROM `orders` AS Orders, `items` AS i, `users` u");
  }

  @Test
  void addsNoAliasBeforeATemporalJoinClause() {
    Query query =
        Parsed.query(
            "SELECT * FROM STREAM(orders) o JOIN Rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.c ="
                + " r.c");

    assertThat(query.sql().text())
        .isEqualTo(
            "SELECT * FROM `orders` o JOIN `rates` FOR SYSTEM_TIME AS OF o.ts AS r ON o.c = r.c");
  }

  @Test
  void usesSnapshotPlaceholderWhenOneQueryReadsADatasetBothWays() {
    Query query =
        Parsed.query(
            "SELECT * FROM STREAM(events) e JOIN events ON e.id = events.id JOIN STREAM(other) o ON"
                + " true");

    assertThat(query.references())
        .extracting("name", "streaming", "placeholder")
        .containsExactly(
            tuple("events", true, "events"),
            tuple("events", false, "events__snapshot"),
            tuple("other", true, "other"));
    assertThat(query.sql().text())
        .isEqualTo(
            "SELECT * FROM `events` e JOIN `events__snapshot` AS events ON e.id = events.id JOIN"
                + " `other` o ON true");
  }

  @Test
  void excludesCommonTableExpressions() {
    Query query =
        Parsed.query(
            "WITH recent AS (SELECT * FROM orders WHERE ts > 0),\n"
                + "  totals (id, n) AS (SELECT id, count(*) FROM recent GROUP BY id)\n"
                + "SELECT * FROM totals JOIN customers c ON totals.id = c.id");

    assertThat(names(query)).containsExactly("orders", "customers");
    assertThat(query.sql().text()).contains("FROM totals JOIN `customers` c", "FROM recent GROUP");
  }

  @Test
  void findsReferencesInSubqueries() {
    Query query =
        Parsed.query(
            "SELECT (SELECT max(x) FROM a) AS m FROM (SELECT * FROM b) sub\n"
                + "WHERE sub.id IN (SELECT id FROM c) AND EXISTS (SELECT 1 FROM d WHERE d.id ="
                + " sub.id)");

    assertThat(names(query)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void findsEveryTableOfCommaJoinsAndExplicitJoins() {
    Query query =
        Parsed.query(
            "SELECT * FROM a, b AS bb, c\n"
                + "LEFT OUTER JOIN d ON a.x = d.x CROSS JOIN e FULL JOIN (f JOIN g USING (k)) ON"
                + " true\n"
                + "WHERE a.y IN (1, 2) GROUP BY a.z, b.z");

    assertThat(names(query)).containsExactly("a", "b", "c", "d", "e", "f", "g");
  }

  @Test
  void findsTablesPassedToTableFunctions() {
    Query query =
        Parsed.query(
            "SELECT window_start, count(*) AS n\n"
                + "FROM TABLE(TUMBLE(TABLE STREAM(clicks), DESCRIPTOR(ts), INTERVAL '1' MINUTE))\n"
                + "GROUP BY window_start, window_end");

    assertThat(query.references())
        .extracting("name", "streaming")
        .containsExactly(tuple("clicks", true));
    assertThat(query.sql().text())
        .contains("FROM TABLE(TUMBLE(TABLE `clicks`, DESCRIPTOR(ts), INTERVAL '1' MINUTE))");
  }

  @Test
  void ignoresNamesThatAreNotTables() {
    Query query =
        Parsed.query(
            "SELECT EXTRACT(YEAR FROM ts) AS y, TRIM(BOTH ' ' FROM name) AS n, t.v\n"
                + "FROM events, UNNEST(tags) AS t (v), LATERAL (SELECT 1 AS one) l,\n"
                + "  LATERAL TABLE(split(name)) AS s(word), (VALUES (1), (2)) AS vals(x),"
                + " my_function(1) AS f\n"
                + "CROSS JOIN UNNEST(more) AS m (w)");

    assertThat(names(query)).containsExactly("events");
  }

  @Test
  void readsTablePaths() {
    Query query =
        Parsed.query(
            "SELECT * FROM delta.`/data/bronze/orders` o JOIN iceberg.`s3://b/t` JOIN delta.`/x`");

    assertThat(query.references())
        .extracting("kind", "name", "placeholder", "options")
        .containsExactly(
            tuple(
                ReferenceKind.TABLE_PATH,
                "/data/bronze/orders",
                "__path_1",
                Map.of("format", "delta")),
            tuple(ReferenceKind.TABLE_PATH, "s3://b/t", "__path_2", Map.of("format", "iceberg")),
            tuple(ReferenceKind.TABLE_PATH, "/x", "__path_3", Map.of("format", "delta")));
    assertThat(query.sql().text())
        .isEqualTo(
            "SELECT * FROM `__path_1` o JOIN `__path_2` AS `s3://b/t` JOIN `__path_3` AS `/x`");
  }

  @Test
  void readsQualifiedNamesAsExternalTables() {
    Query query =
        Parsed.query(
            "SELECT * FROM Sales.Orders JOIN main.crm.`Customers` c ON true "
                + "JOIN sales.orders ON true JOIN STREAM(ext.feed) f ON true");

    assertThat(query.references())
        .extracting("kind", "name", "streaming", "placeholder")
        .containsExactly(
            tuple(ReferenceKind.EXTERNAL_TABLE, "sales.orders", false, "__ext_1"),
            tuple(ReferenceKind.EXTERNAL_TABLE, "main.crm.customers", false, "__ext_2"),
            tuple(ReferenceKind.EXTERNAL_TABLE, "ext.feed", true, "__ext_3"));
    assertThat(query.sql().text())
        .isEqualTo(
            "SELECT * FROM `__ext_1` AS Orders JOIN `__ext_2` c ON true "
                + "JOIN `__ext_1` AS orders ON true JOIN `__ext_3` f ON true");
  }

  @Test
  void listsEachReferenceOnceAtItsFirstPlace() {
    Parsed parsed =
        Parsed.sql("CREATE MATERIALIZED VIEW v AS\nSELECT * FROM a\nUNION ALL SELECT * FROM a;");

    assertThat(parsed.flow("v").query().references())
        .singleElement()
        .satisfies(r -> assertThat(r.location().line()).isEqualTo(2))
        .satisfies(r -> assertThat(r.location().column()).isEqualTo(15));
  }

  @Test
  void treatsADatasetCalledStreamAsAPlainRead() {
    Query query = Parsed.query("SELECT * FROM stream WHERE x > 0");

    assertThat(query.references())
        .extracting("name", "streaming")
        .containsExactly(tuple("stream", false));
  }

  @Test
  void reportsWhatCannotBeStreamed() {
    Parsed parsed =
        Parsed.sql("CREATE STREAMING TABLE t AS SELECT * FROM STREAM(SELECT * FROM s);");

    assertThat(parsed.where()).containsExactly("SQL_SYNTAX@1:50");
  }

  @Test
  void readsReferencesOfFlowsAndViews() {
    Parsed parsed =
        Parsed.sql(
            "CREATE FLOW f AS INSERT INTO t BY NAME SELECT * FROM STREAM(LIVE.src);\n"
                + "CREATE TEMPORARY VIEW v AS SELECT * FROM LIVE.src;");

    assertThat(parsed.flow("f").query().datasetReferences())
        .extracting("name", "streaming")
        .containsExactly(tuple("src", true));
    assertThat(parsed.viewQuery("v").references())
        .extracting("name", "streaming")
        .containsExactly(tuple("src", false));
  }

  @Test
  void keepsTheQueryAsWrittenBesideTheRewrittenSql() {
    Parsed parsed =
        Parsed.sql(
            "CREATE MATERIALIZED VIEW v AS SELECT * FROM STREAM(LIVE.a) -- trailing\n;", Map.of());

    Query query = parsed.flow("v").query();
    assertThat(query.original()).isEqualTo("SELECT * FROM STREAM(LIVE.a)");
    assertThat(query.sql().text()).isEqualTo("SELECT * FROM `a`");
    assertThat(parsed.codes()).doesNotContain(ErrorCode.SQL_SYNTAX);
  }
}
