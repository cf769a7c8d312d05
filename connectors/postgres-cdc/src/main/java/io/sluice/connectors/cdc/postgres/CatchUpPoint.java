package io.sluice.connectors.cdc.postgres;

import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.SourceInfo;
import io.debezium.connector.postgresql.connection.Lsn;
import io.sluice.connectors.progress.CatchUpMarker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The point in the WAL a triggered run reads the change stream up to, and whether the stream
 * reader has got there.
 *
 * <p>The point is set when the stream split reaches a reader (at job start from the savepoint, or
 * when the initial snapshot is done): the reader writes a transactional logical decoding message
 * with {@link #PREFIX} ({@code pg_logical_emit_message}), and the point is that message's LSN.
 * Every transaction committed before lies below it, and pgoutput sends transactions in commit
 * order, so once the reader has processed anything at or past the point, it has emitted every
 * change that existed when the point was set. The message is a change of its own, so the stream
 * always reaches the point, even when the captured tables have no new changes and {@code
 * pg_current_wal_lsn()} is beyond anything pgoutput will ever send for them: Debezium moves its
 * offset to the message's LSN (the message itself is dropped, see {@link PostgresCdcInput}), and
 * its next heartbeat carries that offset to the reader.
 *
 * <p>A point is used by one reader: its emitter calls {@link #passed} in the task thread.
 */
final class CatchUpPoint {
  /** The prefix of the markers: excluded from what Debezium turns into records. */
  static final String PREFIX = "sluice_catch_up";

  private static final Logger LOG = LoggerFactory.getLogger(CatchUpPoint.class);

  private final CatchUpMarker marker;
  private Lsn target;
  private boolean reached;

  CatchUpPoint(CatchUpMarker marker) {
    this.marker = marker;
  }

  /** Writes a marker into the WAL and reads up to it: what the server holds now is read. */
  void setAtEndOfWal(PostgresEndpoint endpoint) {
    if (!marker.isEnabled()) {
      return;
    }
    target = emitMarker(endpoint);
    reached = false;
    LOG.info("PostgreSQL source catches up to LSN {} on {}", target, endpoint.describe());
  }

  /**
   * The reader has processed a record of the stream split with this Debezium offset: everything
   * before it was emitted. Marks the catch-up when the offset is at or past the point.
   */
  void passed(Map<String, ?> offset) {
    if (target == null || reached) {
      return;
    }
    if (reaches(offset, target)) {
      reached = true;
      LOG.info("PostgreSQL source caught up to LSN {}", target);
      marker.mark();
    }
  }

  boolean isReached() {
    return reached;
  }

  /**
   * Whether a Debezium offset is at or past the target: its change ({@code lsn}), its last
   * completely processed message ({@code lsn_proc}) or its last commit ({@code lsn_commit}).
   */
  static boolean reaches(Map<String, ?> offset, Lsn target) {
    for (String key : new String[] {SourceInfo.LSN_KEY,
        PostgresOffsetContext.LAST_COMPLETELY_PROCESSED_LSN_KEY,
        PostgresOffsetContext.LAST_COMMIT_LSN_KEY}) {
      Object value = offset.get(key);
      Lsn lsn = value instanceof Number n ? Lsn.valueOf(n.longValue())
          : value instanceof String s ? Lsn.valueOf(Long.parseLong(s)) : null;
      if (lsn != null && lsn.isValid() && lsn.compareTo(target) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Writes the marker in its own transaction; returns its LSN. */
  static Lsn emitMarker(PostgresEndpoint endpoint) {
    try (Connection connection = endpoint.connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT pg_logical_emit_message(true, '"
            + PREFIX + "', 'read up to here')::text")) {
      result.next();
      return Lsn.valueOf(result.getString(1));
    } catch (SQLException e) {
      throw new FlinkRuntimeException("Cannot mark where a triggered run reads the changes of "
          + endpoint.describe() + " up to: " + e.getMessage() + ". The user needs to be allowed to"
          + " run pg_logical_emit_message (GRANT EXECUTE ON FUNCTION pg_logical_emit_message("
          + "boolean, text, text) TO <user>), and the server must not be a standby.", e);
    }
  }
}
