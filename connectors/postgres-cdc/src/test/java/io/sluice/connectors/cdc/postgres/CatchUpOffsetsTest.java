package io.sluice.connectors.cdc.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.connector.postgresql.connection.Lsn;
import io.sluice.connectors.progress.CatchUpMarker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Debezium offsets are compared with the catch-up point and how heartbeats are stored. */
class CatchUpOffsetsTest {
  private static final Lsn TARGET = Lsn.valueOf(1000L);

  @TempDir Path dir;

  @Test
  void anOffsetReachesThePointByItsChangeItsProcessedMessageOrItsCommit() {
    assertThat(CatchUpPoint.reaches(offset(999, 990, 900), TARGET)).isFalse();
    assertThat(CatchUpPoint.reaches(offset(1000, 990, 900), TARGET)).isTrue();
    assertThat(CatchUpPoint.reaches(offset(999, 1000, 900), TARGET)).isTrue();
    assertThat(CatchUpPoint.reaches(offset(999, 990, 1040), TARGET)).isTrue();
    assertThat(CatchUpPoint.reaches(Map.of("lsn", "1001"), TARGET)).as("as text").isTrue();
    assertThat(CatchUpPoint.reaches(Map.of("txId", 5L), TARGET)).isFalse();
  }

  @Test
  void marksNothingBeforeItsPointIsSet() {
    CatchUpMarker marker = CatchUpMarker.at(dir.resolve("marker").toUri().toString());
    CatchUpPoint point = new CatchUpPoint(marker);

    point.passed(offset(5000, 5000, 5000));
    assertThat(marker.isMarked()).as("no point yet").isFalse();
  }

  @Test
  void aHeartbeatAtACommitIsStoredJustBeforeIt() {
    SourceRecord atCommit = heartbeat(offset(2000, 2000, 2000));
    SourceRecord midTransaction = heartbeat(offset(2100, 2100, 2000));

    SourceRecord stored = CatchUpEmitter.resumable(atCommit);

    Map<String, Object> offset = new HashMap<>(stored.sourceOffset());
    assertThat(offset).containsEntry("lsn_proc", 1999L).containsEntry("lsn", 2000L)
        .containsEntry("lsn_commit", 2000L);
    assertThat(stored.valueSchema()).isSameAs(atCommit.valueSchema());
    assertThat(CatchUpEmitter.resumable(midTransaction)).isSameAs(midTransaction);
  }

  private static Map<String, Object> offset(long lsn, long processed, long commit) {
    Map<String, Object> offset = new HashMap<>();
    offset.put("lsn", lsn);
    offset.put("lsn_proc", processed);
    offset.put("lsn_commit", commit);
    offset.put("txId", 7L);
    return offset;
  }

  private static SourceRecord heartbeat(Map<String, Object> offset) {
    Schema schema = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
        .field("ts_ms", Schema.INT64_SCHEMA).build();
    return new SourceRecord(Map.of("server", "s"), offset, "__debezium-heartbeat.s", schema,
        new Struct(schema).put("ts_ms", 1L));
  }
}
