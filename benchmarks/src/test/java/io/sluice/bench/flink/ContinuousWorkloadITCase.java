package io.sluice.bench.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.testing.DeltaReader;
import io.sluice.testing.Eventually;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink baseline's W5 against a real broker: records sent before the start (read from the
 * earliest offsets) and while it runs; every 100th has a negative v and must reach neither the
 * topic nor the table; the others reach both, once, with their values.
 */
class ContinuousWorkloadITCase {
  @RegisterExtension
  static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORDS = 300;

  @TempDir
  Path dir;

  @Test
  void writesTheKeptRecordsToTheTopicAndTheTableUntilTheStopFile() throws Exception {
    KAFKA.createTopic("in", 2);
    KAFKA.createTopic("out", 2);
    send(0, RECORDS / 2);
    Path table = dir.resolve("events");
    Path state = dir.resolve("state");
    CountDownLatch ready = new CountDownLatch(1);
    try (BenchCluster cluster = BenchCluster.start()) {
      CompletableFuture<Result> run = CompletableFuture.supplyAsync(() -> {
        try {
          return Continuous.run(cluster, ready::countDown, KAFKA.bootstrapServers(), "in", "out",
              table.toString(), state, 500);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Eventually.until(Duration.ofMinutes(2), "READY (or the run's end)", () -> ready.getCount() == 0 || run.isDone(),
          done -> done);
      if (run.isDone()) {
        run.join(); // throws the run's failure
      }
      assertThat(ready.getCount()).as("READY").isZero();
      send(RECORDS / 2, RECORDS);
      Set<List<Long>> kept = LongStream.range(0, RECORDS).filter(i -> i % 100 != 0)
          .mapToObj(i -> List.of(i, i, 1_000_000 + i)).collect(Collectors.toSet());

      List<List<Long>> sink = Eventually.until(Duration.ofSeconds(60), "all kept records in the topic",
          () -> rows(KAFKA.consumeAll("out", true)), r -> r.size() >= kept.size());
      Eventually.until(Duration.ofSeconds(60), "all kept records in the table",
          () -> DeltaReader.of(table).rows().size(), n -> n >= kept.size());
      assertThat(run).isNotDone();
      Files.createDirectories(state);
      Files.createFile(state.resolve("stop"));
      Result result = run.get(2, TimeUnit.MINUTES);

      assertThat(result.records()).isEqualTo(RECORDS);
      assertThat(result.seconds()).isPositive();
      assertThat(sink).hasSize(kept.size()).containsExactlyInAnyOrderElementsOf(kept);
      List<List<Long>> rows = DeltaReader.of(table).rows().stream()
          .map(r -> List.of((Long) r.get("id"), (Long) r.get("v"), (Long) r.get("sent_at"))).toList();
      assertThat(rows).hasSize(kept.size()).containsExactlyInAnyOrderElementsOf(kept);
    }
  }

  /** Records {@code from..to-1}: v = id, or -1 for every 100th; sent_at = 1,000,000 + id. */
  private static void send(long from, long to) {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (long i = from; i < to; i++) {
      String value = "{\"id\":" + i + ",\"v\":" + (i % 100 == 0 ? -1 : i) + ",\"sent_at\":" + (1_000_000 + i) + "}";
      records.add(new ProducerRecord<>("in", null, value.getBytes(StandardCharsets.UTF_8)));
    }
    KAFKA.produce(records);
  }

  private static List<List<Long>> rows(List<String> values) {
    List<List<Long>> rows = new ArrayList<>();
    for (String value : values) {
      try {
        JsonNode n = JSON.readTree(value);
        rows.add(List.of(n.get("id").asLong(), n.get("v").asLong(), n.get("sent_at").asLong()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("not JSON: " + value, e);
      }
    }
    return rows;
  }
}
