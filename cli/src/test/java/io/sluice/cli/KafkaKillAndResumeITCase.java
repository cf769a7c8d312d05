package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.DeltaReader;
import io.sluice.testing.Eventually;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole-process crash: {@code sluice run --continuous} over Kafka is killed (SIGKILL) twice
 * with records in flight and open Kafka transactions; each new start resumes from the last
 * retained checkpoint. At the end the Delta table and the output topic (read_committed) hold
 * every input record exactly once.
 */
class KafkaKillAndResumeITCase {
  static final Duration WITHIN = Duration.ofMinutes(2);
  static final int BATCH = 300;
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  @RegisterExtension static final EmbeddedKafka kafka = new EmbeddedKafka();

  @TempDir Path dir;



  @Test
  void killedContinuousRunsResumeFromTheirLastCheckpointWithoutLossOrDuplicates() throws Exception {
    kafka.createTopic("k_in", 2);
    kafka.createTopic("k_out", 2);
    Path p = dir.resolve("kk");
    Files.createDirectories(p);
    Files.writeString(p.resolve("pipeline.yaml"), "name: kk\ncheckpoints: {interval: 500ms}\n"
        + "configuration: {kafka: \"" + kafka.bootstrapServers() + "\"}\n");
    Files.writeString(p.resolve("p.sql"), """
        CREATE STREAMING TABLE events AS
        SELECT id FROM STREAM read_kafka(bootstrapServers => '${kafka}', subscribe => 'k_in',
          startingOffsets => 'earliest', valueFormat => 'json', schema => 'id BIGINT');

        CREATE SINK k_out USING kafka OPTIONS ('kafka.bootstrap.servers' = '${kafka}', 'topic' = 'k_out');
        CREATE FLOW forward AS INSERT INTO k_out SELECT id FROM STREAM(events);
        """);

    for (int run = 0; run < 2; run++) {
      Path out = dir.resolve("run" + run);
      Process child = CliProcess.start(out, "run", p.toString(), "--continuous");
      produce(2 * run * BATCH, (2 * run + 1) * BATCH);
      waitFor(() -> tableIds(p).size(), (2 * run + 1) * BATCH, child, out);
      produce((2 * run + 1) * BATCH, (2 * run + 2) * BATCH);
      child.destroyForcibly().waitFor(); // records in flight, transactions open
    }
    Path last = dir.resolve("last");
    Process child = CliProcess.start(last, "run", p.toString(), "--continuous");
    waitFor(() -> tableIds(p).size(), 4 * BATCH, child, last);
    waitFor(() -> outIds().size(), 4 * BATCH, child, last);
    assertThat(Main.execute("stop", p.toString())).isZero();
    assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(CliProcess.output(last)).isZero();

    List<Long> expected = IntStream.range(0, 4 * BATCH).mapToObj(i -> (long) i).toList();
    assertThat(tableIds(p)).as("the table: every record once").isEqualTo(expected);
    assertThat(outIds()).as("k_out: every record once").isEqualTo(expected);
  }

  private static void produce(int from, int to) {
    for (int i = from; i < to; i++) {
      kafka.produce("k_in", String.valueOf(i), "{\"id\": " + i + "}");
    }
  }

  private static List<Long> tableIds(Path p) {
    Path table = p.resolve("storage/tables/events");
    if (!Files.exists(table.resolve("_delta_log"))) {
      return List.of();
    }
    return DeltaReader.of(table).rows().stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  private static List<Long> outIds() {
    return kafka.consumeAll("k_out", true).stream().map(json -> {
      Matcher m = ID.matcher(json.replace(" ", ""));
      assertThat(m.find()).as(json).isTrue();
      return Long.parseLong(m.group(1));
    }).sorted().toList();
  }

  private static void waitFor(java.util.function.Supplier<Integer> count, int atLeast, Process child, Path out) {
    Eventually.until(WITHIN, atLeast + " records (output: " + out + ")", () -> {
      if (!child.isAlive()) {
        throw new AssertionError("sluice run ended:\n" + CliProcess.output(out));
      }
      return count.get();
    }, n -> n >= atLeast);
  }
}
