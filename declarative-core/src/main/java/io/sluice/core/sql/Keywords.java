package io.sluice.core.sql;

import java.util.Set;

/** Sets of SQL words the parser and the query rewriter treat specially (upper case). */
final class Keywords {

  /** Words that never name a table or an alias, so they end a table reference. */
  static final Set<String> RESERVED =
      Set.of(
          "SELECT",
          "FROM",
          "WHERE",
          "GROUP",
          "HAVING",
          "ORDER",
          "LIMIT",
          "OFFSET",
          "FETCH",
          "WINDOW",
          "QUALIFY",
          "UNION",
          "INTERSECT",
          "EXCEPT",
          "MINUS",
          "JOIN",
          "INNER",
          "LEFT",
          "RIGHT",
          "FULL",
          "CROSS",
          "NATURAL",
          "OUTER",
          "SEMI",
          "ANTI",
          "ON",
          "USING",
          "AS",
          "WITH",
          "VALUES",
          "LATERAL",
          "UNNEST",
          "TABLE",
          "AND",
          "OR",
          "NOT",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "IN",
          "IS",
          "NULL",
          "TRUE",
          "FALSE",
          "BY",
          "DISTINCT",
          "ALL",
          "ANY",
          "SOME",
          "EXISTS",
          "INTERVAL",
          "OVER",
          "FOR",
          "MATCH_RECOGNIZE",
          "TABLESAMPLE",
          "PIVOT",
          "UNPIVOT",
          "LIKE",
          "RLIKE",
          "REGEXP",
          "BETWEEN",
          "CLUSTER",
          "DISTRIBUTE",
          "SORT",
          "WATERMARK",
          "INSERT",
          "CREATE");

  /** Clauses that stand between a table and its alias in Flink SQL. */
  static final Set<String> BEFORE_ALIAS = Set.of("FOR", "MATCH_RECOGNIZE", "TABLESAMPLE");

  /** Words that end a comma-separated FROM list (JOIN and {@code )} end it too). */
  static final Set<String> FROM_LIST_END =
      Set.of(
          "WHERE",
          "GROUP",
          "HAVING",
          "ORDER",
          "LIMIT",
          "WINDOW",
          "QUALIFY",
          "UNION",
          "INTERSECT",
          "EXCEPT",
          "MINUS",
          "ON",
          "USING",
          "SELECT");

  /** Words that start a query, so a parenthesis before them opens a subquery. */
  static final Set<String> QUERY_START = Set.of("SELECT", "WITH", "VALUES");

  /** Literal words that can be an operand. */
  static final Set<String> LITERAL_WORDS = Set.of("TRUE", "FALSE", "NULL");

  /** Words after which an operand starts a new boolean term (for rewriting RLIKE). */
  static final Set<String> TERM_START =
      Set.of(
          "AND",
          "OR",
          "NOT",
          "WHERE",
          "WHEN",
          "THEN",
          "ELSE",
          "SELECT",
          "ON",
          "HAVING",
          "CASE",
          "DISTINCT",
          "BY");

  /** Words that start a clause after a dataset's name or column list. */
  static final Set<String> TABLE_CLAUSES =
      Set.of(
          "PARTITIONED",
          "COMMENT",
          "TBLPROPERTIES",
          "USING",
          "CLUSTER",
          "LOCATION",
          "SCHEDULE",
          "TRIGGER");

  private Keywords() {}
}
