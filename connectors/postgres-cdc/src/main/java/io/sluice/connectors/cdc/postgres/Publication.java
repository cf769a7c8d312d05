package io.sluice.connectors.cdc.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes sure the publication pgoutput reads exists and covers the captured tables, before Flink
 * CDC starts (Debezium is then told never to change it).
 *
 * <p>Why not Debezium's {@code filtered} auto-creation: during the incremental snapshot, Flink CDC
 * opens a replication connection per snapshot chunk whose filter is that chunk's table only, and
 * Debezium then runs {@code ALTER PUBLICATION ... SET TABLE <that table>}. Changes to the other
 * captured tables committed while the publication lists one table are skipped by pgoutput, which
 * decodes each change with the publication as it was at that WAL position: they are lost for the
 * slot, even though the streaming phase reads from before them. Debezium's {@code all_tables} mode
 * needs a superuser. So the source creates {@code FOR TABLE <captured tables>} itself, adds
 * missing tables to an existing one, and never removes any.
 */
final class Publication {
  private Publication() {}

  static void ensure(PostgresEndpoint endpoint, String name, List<TableName> tables) {
    try (Connection connection = endpoint.connect()) {
      Boolean allTables = describe(connection, endpoint, name);
      if (allTables == null) {
        execute(connection, "CREATE PUBLICATION " + quote(name) + " FOR TABLE " + list(tables));
      } else if (!allTables) {
        List<TableName> missing = missing(connection, name, tables);
        if (!missing.isEmpty()) {
          execute(connection, "ALTER PUBLICATION " + quote(name) + " ADD TABLE " + list(missing));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create or extend publication " + name + " for "
          + tables + " on " + endpoint.describe() + ": " + e.getMessage() + ". The user must own"
          + " the tables; or let their owner run: CREATE PUBLICATION " + quote(name)
          + " FOR TABLE " + list(tables), e);
    }
  }

  /** Whether the publication is FOR ALL TABLES; null when it does not exist. */
  private static Boolean describe(Connection connection, PostgresEndpoint endpoint, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT puballtables,"
        + " pubinsert, pubupdate, pubdelete FROM pg_publication WHERE pubname = ?")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return null;
        }
        if (!result.getBoolean(2) || !result.getBoolean(3) || !result.getBoolean(4)) {
          throw new IllegalStateException("Cannot read changes through publication " + name
              + " on " + endpoint.describe() + ": it does not publish every insert, update and"
              + " delete. Run ALTER PUBLICATION " + quote(name)
              + " SET (publish = 'insert, update, delete'), or use another publication.name.");
        }
        return result.getBoolean(1);
      }
    }
  }

  private static List<TableName> missing(Connection connection, String name,
      List<TableName> tables) throws SQLException {
    Set<TableName> published = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = ?")) {
      statement.setString(1, name);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          published.add(new TableName(result.getString(1), result.getString(2)));
        }
      }
    }
    List<TableName> missing = new ArrayList<>(tables);
    missing.removeAll(published);
    return missing;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String list(List<TableName> tables) {
    return tables.stream().map(t -> quote(t.schema()) + "." + quote(t.table()))
        .collect(Collectors.joining(", "));
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
