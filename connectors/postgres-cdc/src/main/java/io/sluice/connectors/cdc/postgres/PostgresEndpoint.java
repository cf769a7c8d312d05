package io.sluice.connectors.cdc.postgres;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where and as whom to connect. The password is never part of {@link #toString()} nor of a
 * message: {@link #describe()} names the server, database and user only.
 */
record PostgresEndpoint(String hostname, int port, String database, String username,
    String password) implements Serializable {

  /** A JDBC connection with auto-commit. */
  Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", username);
    props.setProperty("password", password == null ? "" : password);
    props.setProperty("connectTimeout", "30");
    props.setProperty("ApplicationName", "sluice-postgres-cdc");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + hostname + ":" + port + "/" + database, props);
  }

  /** {@code postgresql://host:port/database as user}, for messages. */
  String describe() {
    return "postgresql://" + hostname + ":" + port + "/" + database + " as " + username;
  }

  @Override
  public String toString() {
    return "PostgresEndpoint[" + describe() + ", password=" + (password == null ? "none" : "****")
        + "]";
  }
}
