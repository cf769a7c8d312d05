package io.sluice.bench.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * W5 as the suite runs it: {@code SparkMain W5} in a JVM of its own against a real Kafka broker,
 * which runs in a third JVM ({@code io.sluice.bench.KafkaBroker} of the benchmarks module, whose
 * broker jars must not meet Spark's classpath). Opt-in like {@link SparkWorkloadsITCase}, and needs
 * the benchmarks module built: {@code mvn -pl benchmarks,benchmarks-spark -am -DskipTests package},
 * then {@code mvn -o verify -pl benchmarks-spark -Dbench.spark.it=true}.
 */
class SparkContinuousITCase {
  private static final Path ROOT = Path.of("target", "bench-spark-it", "w5").toAbsolutePath();
  private static final Path BENCHMARKS = Path.of("..", "benchmarks", "target").toAbsolutePath();
  private static final int RECORDS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JavaProcess broker;
  private static String bootstrap;

  @BeforeAll
  static void startBroker() throws Exception {
    delete(ROOT);
    broker = JavaProcess.start("KafkaBroker", List.of("-Xmx512m"),
        jarAndClasspath(BENCHMARKS, "sluice-benchmarks-"), "io.sluice.bench.KafkaBroker",
        List.of("in:2", "out:2"), ROOT.resolve("broker.err"));
    bootstrap = broker.awaitLine(l -> l.startsWith("BOOTSTRAP "), Duration.ofMinutes(2)).substring(10);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void keepsTheNonNegativeRowsInTheTopicAndTheTableUntilTheStopFile() throws Exception {
    // every 10th record fails v >= 0, and one value is not JSON (v NULL: fails too)
    List<String> input = new ArrayList<>();
    List<Long> kept = new ArrayList<>();
    for (long id = 0; id < RECORDS; id++) {
      long v = id % 10 == 0 ? -id - 1 : id;
      input.add("{\"id\":" + id + ",\"v\":" + v + ",\"sent_at\":" + (1_700_000_000_000L + id) + "}");
      if (v >= 0) {
        kept.add(id);
      }
    }
    input.add("not json");
    Path state = ROOT.resolve("state");
    Path table = ROOT.resolve("table");
    List<String> flags = new ArrayList<>(Files.readAllLines(Path.of("jvm.flags")));
    flags.add(0, "-Xmx1g");
    JavaProcess spark = JavaProcess.start("SparkMain", flags,
        Path.of("target", "classes").toAbsolutePath() + ":" + Files.readString(Path.of("target", "classpath.txt")).strip(),
        "io.sluice.bench.spark.SparkMain",
        List.of("W5", bootstrap, "in", "out", table.toString(), state.toString(), "500"),
        ROOT.resolve("spark.err"));
    try {
      spark.awaitLine("READY"::equals, Duration.ofMinutes(3));
      KafkaClients.produce(bootstrap, "in", input);

      List<String> out = KafkaClients.awaitValues(bootstrap, "out", kept.size(), Duration.ofMinutes(2));
      assertThat(out).allMatch(v -> v.matches("\\{\"id\":\\d+,\"v\":\\d+,\"sent_at\":\\d+}"));
      assertThat(ids(out)).containsExactlyElementsOf(kept);
      assertThat(awaitLoggedRows(table, kept.size(), Duration.ofMinutes(2))).isEqualTo(kept.size());

      Files.createFile(state.resolve("stop"));
      assertThat(spark.awaitExit(Duration.ofMinutes(2))).as("exit code; stderr in %s", ROOT).isZero();
      String result = spark.awaitLine(l -> l.startsWith("RESULT "), Duration.ofSeconds(10));
      assertThat(result).contains("\"workload\":\"W5\"", "\"records\":" + (RECORDS + 1),
          "\"expectations\":{\"non_negative\":" + (RECORDS / 10 + 1) + "}");
      assertThat(spark.stdout()).containsExactly("READY", result);
    } finally {
      spark.close();
    }
    assertThat(tableIds(table)).containsExactlyElementsOf(kept);
  }

  private static List<Long> ids(List<String> values) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (String v : values) {
      JsonNode row = JSON.readTree(v);
      assertThat(row.get("sent_at").asLong()).isEqualTo(1_700_000_000_000L + row.get("id").asLong());
      ids.add(row.get("id").asLong());
    }
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  /** Rows the Delta log's add actions hold ({@code stats.numRecords}), once there are {@code rows}. */
  private static long awaitLoggedRows(Path table, long rows, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long logged = 0;
    while (logged < rows && System.nanoTime() < deadline) {
      Thread.sleep(200);
      logged = 0;
      Path log = table.resolve("_delta_log");
      if (Files.isDirectory(log)) {
        try (Stream<Path> commits = Files.list(log)) {
          for (Path commit : commits.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList())) {
            for (String action : Files.readAllLines(commit)) {
              JsonNode add = JSON.readTree(action).get("add");
              logged += add == null ? 0 : JSON.readTree(add.get("stats").asText()).get("numRecords").asLong();
            }
          }
        }
      }
    }
    return logged;
  }

  private static List<Long> tableIds(Path table) {
    SparkSession spark = LocalSession.start("it-w5");
    try {
      assertThat(spark.read().format("delta").load(table.toString()).schema().simpleString())
          .isEqualTo("struct<id:bigint,v:bigint,sent_at:bigint>");
      return spark.read().format("delta").load(table.toString()).orderBy("id").collectAsList()
          .stream().map(r -> r.getLong(0)).collect(Collectors.toList());
    } finally {
      spark.stop();
    }
  }

  private static String jarAndClasspath(Path target, String jarPrefix) throws IOException {
    Path classpath = target.resolve("classpath.txt");
    try (Stream<Path> files = Files.list(target)) {
      Path jar = files.filter(f -> f.getFileName().toString().startsWith(jarPrefix)
              && f.getFileName().toString().endsWith("-SNAPSHOT.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("Cannot find the benchmarks jar in " + target
              + ": build it with mvn -pl benchmarks,benchmarks-spark -am -DskipTests package"));
      return jar + ":" + Files.readString(classpath).strip();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalStateException("Cannot start the Kafka broker: " + e.getFile() + " is missing; build it"
          + " with mvn -pl benchmarks,benchmarks-spark -am -DskipTests package", e);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
