package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.events.EventType;
import io.sluice.runtime.events.EventLogFiles;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.testing.Eventually;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under faults: a continuous pipeline Kafka → expectations (quarantine) → Delta table
 * and Kafka sink, while records keep arriving, has its task manager crash three times (every task
 * fails; production mode restarts the job from its last checkpoint), then is stopped with a
 * savepoint and started again. Every input record ends up exactly once in the table or its
 * quarantine, and every kept one exactly once in the output topic, read back by Delta Kernel and a
 * read_committed consumer and compared with the input by count, checksum and id.
 */
class ExactlyOnceITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(6);
  static final Duration WITHIN = Duration.ofMinutes(2);
  static final int RECORDS = 3000;
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final EmbeddedKafka kafka = new EmbeddedKafka();

  @TempDir Path dir;



  @Test
  void everyRecordExactlyOnceAcrossTaskFailuresAndAStopAndStart() throws Exception {
    kafka.createTopic("eo_in", 3);
    kafka.createTopic("eo_out", 2);
    PipelineFixture p = CLUSTER.empty(dir.resolve("eo"));
    p.write("pipeline.yaml", "name: eo\ncheckpoints: {interval: 500ms}\n"
        + "configuration: {kafka: \"" + kafka.bootstrapServers() + "\"}\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE readings (
          CONSTRAINT non_negative EXPECT (v >= 0) ON VIOLATION QUARANTINE
        ) AS SELECT id, v FROM STREAM read_kafka(bootstrapServers => '${kafka}',
          subscribe => 'eo_in', startingOffsets => 'earliest', valueFormat => 'json',
          schema => 'id BIGINT, v BIGINT');

        CREATE SINK eo_out USING kafka OPTIONS ('kafka.bootstrap.servers' = '${kafka}', 'topic' = 'eo_out');

        CREATE FLOW forward AS INSERT INTO eo_out SELECT id, v FROM STREAM(readings);
        """);

    PipelineFixture.Continuous run = p.startContinuous(RunOptions.ALL, UpdateListener.NONE);
    int batch = RECORDS / 6;
    produce(0, batch);
    Eventually.until(WITHIN, "the first records published", () -> written(p), n -> n >= batch);
    for (int crash = 1; crash <= 3; crash++) {
      int to = (crash + 1) * batch;
      produce(crash * batch, to); // records in flight when the task manager goes down
      CLUSTER.get().crashTaskManager();
      Eventually.until(WITHIN, "records published after crash " + crash, () -> written(p), n -> n >= to);
    }
    UpdateResult first = run.stop();
    assertThat(first.state()).as(first.toString()).isEqualTo("CANCELED");

    produce(4 * batch, RECORDS);
    PipelineFixture.Continuous again = p.startContinuous(RunOptions.ALL, UpdateListener.NONE);
    Eventually.until(WITHIN, "every record in the table or its quarantine", () -> written(p), n -> n >= RECORDS);
    Eventually.until(WITHIN, "every kept record in eo_out", () -> outIds().size(), n -> n >= kept().size());
    UpdateResult second = again.stop();
    assertThat(second.succeeded()).as(second.toString()).isTrue();

    List<long[]> table = rows(p, "readings");
    List<long[]> quarantined = rows(p, "readings_quarantine");
    List<long[]> out = outRows();
    assertThat(table.size() + quarantined.size()).as("count").isEqualTo(RECORDS);
    assertThat(checksum(table) + checksum(quarantined)).as("checksum").isEqualTo(checksum(input()));
    assertThat(ids(table)).as("the table: each kept record once").isEqualTo(ids(kept()));
    assertThat(ids(quarantined)).as("the quarantine: each negative record once")
        .isEqualTo(ids(input().stream().filter(r -> r[1] < 0).toList()));
    assertThat(ids(out)).as("eo_out: each kept record once").isEqualTo(ids(kept()));
    assertThat(checksum(out)).isEqualTo(checksum(kept()));

    assertThat(new EventLogFiles(new StorageLayout(p.folder.resolve("storage"))).readAll())
        .filteredOn(e -> e.type() == EventType.FLOW_PROGRESS && e.origin().updateId().equals(first.updateId())
            && "RESTARTING".equals(((Map<?, ?>) e.details().get("flow_progress")).get("status")))
        .as("each crash is a restart in the event log").isNotEmpty();
  }

  /** Records {@code [from, to)}: id, and v = id, negative for every 13th record. */
  private static void produce(int from, int to) {
    for (int i = from; i < to; i++) {
      long[] r = record(i);
      kafka.produce("eo_in", String.valueOf(i), "{\"id\": " + r[0] + ", \"v\": " + r[1] + "}");
    }
  }

  private static long[] record(long i) {
    return new long[] {i, i % 13 == 0 ? -i - 1 : i};
  }

  private static List<long[]> input() {
    return LongStream.range(0, RECORDS).mapToObj(ExactlyOnceITCase::record).toList();
  }

  private static List<long[]> kept() {
    return input().stream().filter(r -> r[1] >= 0).toList();
  }

  private static long written(PipelineFixture p) {
    return size(p, "readings") + size(p, "readings_quarantine");
  }

  private static long size(PipelineFixture p, String table) {
    try {
      return p.table(table).rows().size();
    } catch (RuntimeException notCreatedYet) {
      return 0;
    }
  }

  private static List<long[]> rows(PipelineFixture p, String table) {
    List<long[]> rows = new ArrayList<>();
    for (Map<String, Object> r : p.table(table).rows()) {
      rows.add(new long[] {((Number) r.get("id")).longValue(), ((Number) r.get("v")).longValue()});
    }
    return rows;
  }

  private static List<long[]> outRows() {
    List<long[]> rows = new ArrayList<>();
    for (String json : kafka.consumeAll("eo_out", true)) {
      try {
        JsonNode n = JSON.readTree(json);
        rows.add(new long[] {n.get("id").asLong(), n.get("v").asLong()});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  private static List<Long> outIds() {
    return ids(outRows());
  }

  private static List<Long> ids(List<long[]> rows) {
    return rows.stream().map(r -> r[0]).sorted().toList();
  }

  /** Order-independent, and changed by a missing, duplicated or altered record. */
  private static long checksum(List<long[]> rows) {
    long sum = 0;
    for (long[] r : rows) {
      long h = r[0] * 0x9E3779B97F4A7C15L + r[1];
      sum += h ^ (h >>> 29);
    }
    return sum;
  }
}
