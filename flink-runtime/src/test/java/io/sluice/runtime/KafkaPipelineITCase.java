package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.exec.FlowStatus;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.testing.Eventually;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelines over a real Kafka broker: read_kafka in triggered runs (what the topics hold at the
 * start, then the next run continues from the savepoint's offsets), in continuous runs, and Kafka
 * sinks read back by a read_committed consumer, every record exactly once, also after a triggered
 * run that failed midway.
 */
class KafkaPipelineITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(6);
  static final Duration WITHIN = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final EmbeddedKafka kafka = new EmbeddedKafka();

  @TempDir Path dir;



  private PipelineFixture pipeline(String name, String checkpoints, String sql) {
    PipelineFixture p = CLUSTER.empty(dir.resolve(name));
    p.write("pipeline.yaml", "name: " + name + "\ncheckpoints: {interval: " + checkpoints + "}\n"
        + "configuration: {kafka: \"" + kafka.bootstrapServers() + "\"}\n");
    p.write("p.sql", sql);
    return p;
  }

  private static String order(int id, int amount) {
    return "{\"id\": " + id + ", \"amount\": " + amount + "}";
  }

  /** The ids of the JSON values a read_committed consumer sees in a topic, in topic order. */
  private static List<Long> committedIds(String topic) {
    return kafka.consumeAll(topic, true).stream().map(KafkaPipelineITCase::id).toList();
  }

  private static Long id(String json) {
    try {
      JsonNode id = JSON.readTree(json).get("id");
      return id == null || id.isNull() ? null : id.asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Long> sorted(List<?> values) {
    return values.stream().map(v -> (Long) v).sorted().toList();
  }

  private static List<Long> range(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> (long) i).toList();
  }

  @Test
  void triggeredRunsReadWhatTheTopicsHoldAndTheNextRunContinuesFromThere() {
    kafka.createTopic("orders", 2);
    kafka.createTopic("events", 1);
    kafka.createTopic("orders_out", 2);
    PipelineFixture p = pipeline("triggered", "1s", """
        CREATE STREAMING TABLE raw_orders AS
        SELECT id, amount, _rescued_data, `partition`, `offset`
        FROM STREAM read_kafka(bootstrapServers => '${kafka}', subscribe => 'orders',
          startingOffsets => 'earliest', valueFormat => 'json', schema => 'id BIGINT, amount INT',
          metadataColumns => 'partition, offset');

        CREATE TEMPORARY VIEW raw_events AS
        SELECT CAST(`key` AS STRING) AS k, CAST(`value` AS STRING) AS body, topic, timestampType
        FROM read_kafka(bootstrapServers => '${kafka}', subscribe => 'events',
          startingOffsets => 'earliest');

        CREATE STREAMING TABLE events AS SELECT * FROM raw_events;

        CREATE SINK orders_out USING kafka OPTIONS (
          'kafka.bootstrap.servers' = '${kafka}', 'topic' = 'orders_out');

        CREATE FLOW to_out AS INSERT INTO orders_out
        SELECT id, amount FROM STREAM(raw_orders) WHERE id IS NOT NULL;
        """);
    kafka.produce("orders", "a", order(1, 10));
    kafka.produce("orders", "b", order(2, 20));
    kafka.produce("orders", "c", "not json at all");
    kafka.produce("orders", "d", "{\"id\": 3, \"amount\": 30, \"coupon\": \"X\"}");
    kafka.produce("events", "k1", "hello");

    UpdateResult first = p.run();

    assertThat(first.succeeded()).as(first.toString()).isTrue();
    List<Map<String, Object>> rows = p.table("raw_orders").rows();
    assertThat(rows).hasSize(4);
    assertThat(rows).filteredOn(r -> r.get("id") == null).singleElement()
        .satisfies(r -> assertThat((String) r.get("_rescued_data")).contains("_malformed_record")
            .contains("not json at all"));
    assertThat(rows).filteredOn(r -> Long.valueOf(3).equals(r.get("id"))).singleElement()
        .satisfies(r -> assertThat((String) r.get("_rescued_data")).contains("\"coupon\":\"X\""));
    assertThat(p.table("events").rows()).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("k", "k1").containsEntry("body", "hello")
          .containsEntry("topic", "events").containsEntry("timestampType", 0);
    });
    assertThat(sorted(committedIds("orders_out"))).isEqualTo(range(1, 4));
    assertThat(PipelineFixture.rowsWritten(first)).containsEntry("to_out", 3L);

    kafka.produce("orders", "e", order(4, 40));
    kafka.produce("orders", "f", order(5, 50));
    kafka.produce("events", "k2", "again");
    UpdateResult second = p.run();

    assertThat(second.succeeded()).as(second.toString()).isTrue();
    List<Map<String, Object>> after = p.table("raw_orders").rows();
    assertThat(after).hasSize(6);
    assertThat(after.stream().map(r -> r.get("partition") + "/" + r.get("offset")).distinct())
        .as("each record once").hasSize(6);
    assertThat(sorted(after.stream().map(r -> r.get("id")).filter(Objects::nonNull).toList()))
        .isEqualTo(range(1, 6));
    assertThat(p.table("events").rows()).extracting(r -> r.get("body"))
        .containsExactlyInAnyOrder("hello", "again");
    assertThat(sorted(committedIds("orders_out"))).isEqualTo(range(1, 6));
    assertThat(PipelineFixture.rowsWritten(second)).containsEntry("raw_orders", 2L)
        .containsEntry("to_out", 2L);

    UpdateResult third = p.run();
    assertThat(PipelineFixture.rowsWritten(third)).containsEntry("raw_orders", 0L)
        .containsEntry("to_out", 0L);
    assertThat(committedIds("orders_out")).hasSize(5);
  }

  @Test
  void aTriggeredRunThatFailsMidwayLeavesNoDuplicateInTheKafkaSinkAfterTheNextRun() {
    kafka.createTopic("payments", 1);
    kafka.createTopic("payments_out", 1);
    int good = 1000;
    // One record per fetch: reading takes long enough for checkpoints to complete and commit
    // transactions before the poison record at the end fails the run.
    String sql = """
        CREATE TEMPORARY VIEW checked (
          CONSTRAINT not_poison EXPECT (id < 1000000) ON VIOLATION %s
        ) AS SELECT id, amount FROM read_kafka(bootstrapServers => '${kafka}',
          subscribe => 'payments', startingOffsets => 'earliest', valueFormat => 'json',
          schema => 'id BIGINT, amount INT', `kafka.max.partition.fetch.bytes` => '1',
          `kafka.max.poll.records` => '1');

        CREATE SINK payments_out USING kafka OPTIONS (
          'kafka.bootstrap.servers' = '${kafka}', 'topic' = 'payments_out');

        CREATE FLOW forward AS INSERT INTO payments_out SELECT * FROM checked;
        """;
    PipelineFixture p = pipeline("failing", "100ms", sql.formatted("FAIL UPDATE"));
    for (int i = 0; i < good; i++) {
      kafka.produce("payments", null, order(i, i));
    }
    kafka.produce("payments", null, order(1_000_000, 1));

    UpdateResult failed = p.run();

    assertThat(failed.succeeded()).isFalse();
    assertThat(PipelineFixture.statuses(failed)).containsEntry("forward", FlowStatus.FAILED);
    List<Long> visible = committedIds("payments_out");
    assertThat(visible).as("checkpoints of the failed run committed their transactions")
        .isNotEmpty().doesNotHaveDuplicates();
    assertThat(visible).isEqualTo(range(0, visible.size()));

    p.write("p.sql", sql.formatted("DROP ROW"));
    UpdateResult fixed = p.run();

    assertThat(fixed.succeeded()).as(fixed.toString()).isTrue();
    assertThat(committedIds("payments_out")).as("every record once, in order")
        .isEqualTo(range(0, good));
    // The failed run's last completed checkpoint may still have had its transaction to commit: the
    // next run commits it on restore, without writing its rows again.
    assertThat(PipelineFixture.rowsWritten(fixed).get("forward")).as("rows the next run wrote itself")
        .isPositive().isLessThanOrEqualTo((long) good - visible.size());
  }

  @Test
  void aTriggeredRunIntoIcebergThatFailsMidwayLeavesNoDuplicateAfterTheNextRun() throws Exception {
    kafka.createTopic("refunds", 1);
    int good = 1000;
    // Iceberg's committer publishes every completed checkpoint, like a Kafka sink's transactions
    String sql = """
        CREATE TEMPORARY VIEW checked (
          CONSTRAINT not_poison EXPECT (id < 1000000) ON VIOLATION %s
        ) AS SELECT id, amount FROM read_kafka(bootstrapServers => '${kafka}',
          subscribe => 'refunds', startingOffsets => 'earliest', valueFormat => 'json',
          schema => 'id BIGINT, amount INT', `kafka.max.partition.fetch.bytes` => '1',
          `kafka.max.poll.records` => '1');
        CREATE STREAMING TABLE refunds USING ICEBERG AS SELECT * FROM STREAM(checked);
        """;
    PipelineFixture p = pipeline("failing_iceberg", "100ms", sql.formatted("FAIL UPDATE"));
    for (int i = 0; i < good; i++) {
      kafka.produce("refunds", null, order(i, i));
    }
    kafka.produce("refunds", null, order(1_000_000, 1));

    UpdateResult failed = p.run();

    assertThat(failed.succeeded()).isFalse();
    java.nio.file.Path table = p.folder.resolve("storage/tables/refunds");
    List<Long> visible = icebergIds(table);
    assertThat(visible).as("checkpoints of the failed run were committed").isNotEmpty().doesNotHaveDuplicates();

    p.write("p.sql", sql.formatted("DROP ROW"));
    UpdateResult fixed = p.run();

    assertThat(fixed.succeeded()).as(fixed.toString()).isTrue();
    assertThat(icebergIds(table)).as("every record once").isEqualTo(range(0, good));
  }

  private static List<Long> icebergIds(java.nio.file.Path table) throws java.io.IOException {
    org.apache.iceberg.Table t = new org.apache.iceberg.hadoop.HadoopTables(new org.apache.hadoop.conf.Configuration())
        .load(table.toUri().toString());
    List<Long> ids = new java.util.ArrayList<>();
    try (var rows = org.apache.iceberg.data.IcebergGenerics.read(t).build()) {
      rows.forEach(r -> ids.add((Long) r.getField("id")));
    }
    return ids.stream().sorted().toList();
  }

  @Test
  void aContinuousRunReadsRecordsAsTheyArriveAndItsOffsetsCarryOverToATriggeredRun()
      throws Exception {
    kafka.createTopic("c_orders", 2);
    kafka.createTopic("c_out", 2);
    PipelineFixture p = pipeline("continuous", "500ms", """
        CREATE STREAMING TABLE c_orders (
          CONSTRAINT positive EXPECT (amount > 0) ON VIOLATION DROP ROW
        ) AS SELECT id, amount FROM STREAM read_kafka(bootstrapServers => '${kafka}',
          subscribe => 'c_orders', startingOffsets => 'earliest', valueFormat => 'json',
          schema => 'id BIGINT, amount INT');

        CREATE SINK c_out USING kafka OPTIONS (
          'kafka.bootstrap.servers' = '${kafka}', 'topic' = 'c_out', 'keyColumn' = 'k');

        CREATE FLOW c_to_out AS INSERT INTO c_out
        SELECT CAST(id AS STRING) AS k, id, amount FROM STREAM(c_orders);
        """);
    produceOrders("c_orders", 0, 10);
    List<io.sluice.runtime.exec.FlowProgress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    PipelineFixture.Continuous run = p.startContinuous(RunOptions.ALL, new UpdateListener() {
      @Override
      public void flowProgress(io.sluice.runtime.exec.FlowProgress f, boolean checkpointed) {
        progress.add(f);
      }
    });
    Eventually.until(WITHIN, "first orders in the table", () -> tableIds(p), ids -> ids.equals(kept(0, 10)));
    Eventually.until(WITHIN, "first orders in c_out", () -> sorted(committedIds("c_out")),
        ids -> ids.equals(kept(0, 10)));
    produceOrders("c_orders", 10, 20);
    Eventually.until(WITHIN, "later orders in the table", () -> tableIds(p), ids -> ids.equals(kept(0, 20)));
    Eventually.until(WITHIN, "later orders in c_out", () -> sorted(committedIds("c_out")),
        ids -> ids.equals(kept(0, 20)));
    UpdateResult stopped = run.stop();

    assertThat(stopped.state()).as(stopped.toString()).isEqualTo("CANCELED");
    assertThat(progress).as("the Kafka lag is part of the progress")
        .anyMatch(f -> f.flow().equals("c_orders") && f.pendingRecords().isPresent());
    assertThat(PipelineFixture.statuses(stopped)).containsEntry("c_orders", FlowStatus.STOPPED)
        .containsEntry("c_to_out", FlowStatus.STOPPED);
    assertThat(sorted(committedIds("c_out"))).as("each record once").isEqualTo(kept(0, 20));
    assertThat(kafka.consumeAllRecords("c_out", true)).allSatisfy(r ->
        assertThat(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(String.valueOf(id(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)))));

    produceOrders("c_orders", 20, 25);
    UpdateResult triggered = p.run();

    assertThat(triggered.succeeded()).as(triggered.toString()).isTrue();
    assertThat(tableIds(p)).as("the triggered run continues from the continuous run's offsets")
        .isEqualTo(kept(0, 25));
    assertThat(sorted(committedIds("c_out"))).isEqualTo(kept(0, 25));
  }

  private static void produceOrders(String topic, int from, int to) {
    for (int i = from; i < to; i++) {
      kafka.produce(topic, String.valueOf(i), order(i, i % 5 == 0 ? -1 : i));
    }
  }

  private static List<Long> tableIds(PipelineFixture p) {
    return sorted(p.table("c_orders").rows().stream().map(r -> r.get("id")).toList());
  }

  /** The ids the expectation keeps: amounts of ids divisible by 5 are negative. */
  private static List<Long> kept(int from, int to) {
    return IntStream.range(from, to).filter(i -> i % 5 != 0).mapToObj(i -> (long) i).toList();
  }
}
