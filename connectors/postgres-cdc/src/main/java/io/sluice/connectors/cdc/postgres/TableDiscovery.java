package io.sluice.connectors.cdc.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads the captured tables' columns, primary keys and replica identities from {@code pg_catalog}
 * over JDBC, and checks that the server can decode its WAL logically. Generated columns are left
 * out: pgoutput does not send them.
 */
final class TableDiscovery {
  private static final String RELATION = "SELECT c.oid, c.relkind, c.relreplident FROM pg_class c"
      + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
  private static final String COLUMNS = "SELECT a.attname, t.typname, a.atttypmod, a.attnotnull"
      + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
      + " WHERE a.attrelid = CAST(? AS oid) AND a.attnum > 0 AND NOT a.attisdropped"
      + " AND a.attgenerated = '' ORDER BY a.attnum";
  private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_index i"
      + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
      + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
      + " WHERE i.indrelid = CAST(? AS oid) AND i.indisprimary ORDER BY k.ord";

  private TableDiscovery() {}

  /**
   * The ordinary and partitioned tables whose {@code schema.table} matches {@code glob}, where
   * {@code *} stands for any run of characters within a name (not a dot), sorted by name.
   */
  static List<String> matching(PostgresEndpoint endpoint, String glob) {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(java.util.Arrays.stream(glob.split("\\*", -1))
        .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining("[^.]*")));
    List<String> found = new ArrayList<>();
    try (Connection connection = endpoint.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
            + " AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " ORDER BY 1, 2")) {
      while (result.next()) {
        String name = result.getString(1) + "." + result.getString(2);
        if (pattern.matcher(name).matches()) {
          found.add(name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot list the tables matching " + glob + " in "
          + endpoint.describe() + ": " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("Cannot capture tables matching " + glob + ": " + endpoint.describe()
          + " has none. Check the pattern (* stands for any characters within a name).");
    }
    return found;
  }

  static List<CapturedTable> discover(PostgresEndpoint endpoint, List<TableName> tables) {
    try (Connection connection = endpoint.connect()) {
      connection.setReadOnly(true);
      checkWalLevel(connection, endpoint);
      List<CapturedTable> captured = new ArrayList<>();
      for (TableName table : tables) {
        captured.add(read(connection, endpoint, table));
      }
      return captured;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the captured tables from "
          + endpoint.describe() + ": " + e.getMessage(), e);
    }
  }

  private static void checkWalLevel(Connection connection, PostgresEndpoint endpoint)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW wal_level")) {
      result.next();
      String level = result.getString(1);
      if (!"logical".equals(level)) {
        throw new IllegalStateException("Cannot capture changes from " + endpoint.describe()
            + ": its wal_level is " + level + ". Set wal_level = logical in postgresql.conf"
            + " and restart the server.");
      }
    }
  }

  private static CapturedTable read(Connection connection, PostgresEndpoint endpoint,
      TableName name) throws SQLException {
    long oid;
    boolean full;
    try (PreparedStatement statement = connection.prepareStatement(RELATION)) {
      statement.setString(1, name.schema());
      statement.setString(2, name.table());
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          throw new IllegalArgumentException("Cannot capture table " + name + ": it does not"
              + " exist in " + endpoint.describe() + " (names are case-sensitive; unquoted"
              + " names are lower case in PostgreSQL).");
        }
        String kind = result.getString(2);
        if (!"r".equals(kind) && !"p".equals(kind)) {
          throw new IllegalArgumentException("Cannot capture " + name + ": it is not a table"
              + " (relkind " + kind + "). Only tables have changes to capture.");
        }
        oid = result.getLong(1);
        full = "f".equals(result.getString(3));
      }
    }
    return new CapturedTable(name.schema(), name.table(), columns(connection, name, oid),
        primaryKey(connection, oid), full);
  }

  private static RowType columns(Connection connection, TableName name, long oid)
      throws SQLException {
    List<RowType.RowField> fields = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
      statement.setLong(1, oid);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          String column = result.getString(1);
          fields.add(new RowType.RowField(column, PostgresTypes.toFlink(
              name + "." + column, result.getString(2), result.getInt(3), !result.getBoolean(4))));
        }
      }
    }
    return new RowType(false, fields);
  }

  private static List<String> primaryKey(Connection connection, long oid) throws SQLException {
    List<String> key = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(PRIMARY_KEY)) {
      statement.setLong(1, oid);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          key.add(result.getString(1));
        }
      }
    }
    return key;
  }
}
