package io.sluice.connectors.cdc.postgres;

import io.debezium.connector.postgresql.PostgresOffsetContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.cdc.connectors.base.source.meta.offset.OffsetFactory;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitState;
import org.apache.flink.cdc.connectors.base.source.metrics.SourceReaderMetrics;
import org.apache.flink.cdc.connectors.base.source.reader.IncrementalSourceRecordEmitter;
import org.apache.flink.cdc.connectors.base.utils.SourceRecordUtils;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.table.data.RowData;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Flink CDC's record emitter, used by every source of this connector, continuous or triggered. It
 * tells the {@link CatchUpPoint} (a no-op in a continuous run) how far the stream split has been
 * read: after it has handled each change record and heartbeat of the stream split (which carry
 * Debezium's offset), in the order the WAL gave them.
 *
 * <p>It also keeps a heartbeat from giving the split a position that loses a change on restore.
 * After a COMMIT, Debezium's offset holds the commit's end LSN as the last change ({@code lsn}),
 * the last completely processed message ({@code lsn_proc}) and the last commit ({@code
 * lsn_commit}). That is also where the next transaction's BEGIN and first change are written when
 * nothing else was written in between. Restored from such a position, Debezium 1.9's {@code
 * WalPositionLocator} takes the first message at {@code lsn_proc} as already processed and resumes
 * after it, so the next transaction's first change is lost (seen here: a job restored from a
 * triggered run's savepoint, and a continuous job restored from a savepoint taken after a quiet
 * period, skipped the first UPDATE committed after the savepoint). Heartbeats come when the reader
 * gets nothing of the captured tables for the heartbeat interval ({@link
 * PostgresCdcInput#heartbeatInterval}), so after any quiet period. The rule, for both modes: when a
 * heartbeat's {@code lsn_proc} equals its {@code lsn_commit}, {@code lsn_proc} is set one below:
 * no message has that LSN, the locator resumes at the first transaction that commits after {@code
 * lsn_commit}, and {@code lsn_commit} (what the slot is told) and {@code lsn} (what Flink CDC
 * compares) are unchanged. Should a heartbeat come in the middle of a transaction, right after a
 * first change written at the previous commit's end LSN, that change would be read again after a
 * restore: at most one change delivered twice, with the same {@code _lsn}, never a loss (AUTO CDC
 * ignores the second delivery: it sequences by {@code _lsn}).
 */
final class CatchUpEmitter extends IncrementalSourceRecordEmitter<RowData> {
  private final CatchUpPoint point;

  CatchUpEmitter(DebeziumDeserializationSchema<RowData> deserializer, SourceReaderMetrics metrics,
      boolean includeSchemaChanges, OffsetFactory offsetFactory, CatchUpPoint point) {
    super(deserializer, metrics, includeSchemaChanges, offsetFactory);
    this.point = point;
  }

  @Override
  protected void processElement(SourceRecord element, SourceOutput<RowData> output,
      SourceSplitState splitState) throws Exception {
    boolean heartbeat = SourceRecordUtils.isHeartbeatEvent(element);
    super.processElement(heartbeat ? resumable(element) : element, output, splitState);
    if (splitState.isStreamSplitState() && element.sourceOffset() != null
        && (heartbeat || SourceRecordUtils.isDataChangeRecord(element))) {
      point.passed(element.sourceOffset());
    }
  }

  /** The heartbeat, with {@code lsn_proc} below {@code lsn_commit}; see the class comment. */
  static SourceRecord resumable(SourceRecord heartbeat) {
    Map<String, ?> offset = heartbeat.sourceOffset();
    if (offset == null
        || !(offset.get(PostgresOffsetContext.LAST_COMPLETELY_PROCESSED_LSN_KEY) instanceof Number)
        || !offset.get(PostgresOffsetContext.LAST_COMPLETELY_PROCESSED_LSN_KEY)
            .equals(offset.get(PostgresOffsetContext.LAST_COMMIT_LSN_KEY))) {
      return heartbeat;
    }
    long commit = ((Number) offset.get(PostgresOffsetContext.LAST_COMMIT_LSN_KEY)).longValue();
    Map<String, Object> fixed = new HashMap<>(offset);
    fixed.put(PostgresOffsetContext.LAST_COMPLETELY_PROCESSED_LSN_KEY, commit - 1);
    return new SourceRecord(heartbeat.sourcePartition(), fixed, heartbeat.topic(),
        heartbeat.kafkaPartition(), heartbeat.keySchema(), heartbeat.key(),
        heartbeat.valueSchema(), heartbeat.value(), heartbeat.timestamp(), heartbeat.headers());
  }
}
