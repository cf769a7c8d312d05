package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connectors.progress.CatchUpMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggered runs as Sluice executes them: an unbounded job with checkpointing, stopped with a
 * savepoint (no drain) once the source marks its catch-up, and restarted from that savepoint.
 */
class FileIngestSourceITCase {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Queue<String> OUTPUT = new ConcurrentLinkedQueue<>();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;
  private Path landing;

  @BeforeEach
  void setUp() throws IOException {
    OUTPUT.clear();
    landing = Files.createDirectories(dir.resolve("landing"));
  }

  @Test
  void triggeredRunsReadEachFileOnceAcrossSavepoints() throws Exception {
    write("a.json", "{\"id\":1,\"name\":\"a\"}", "{\"id\":\"two\",\"name\":\"b\"}", "{\"id\":3}");
    write("sub/b.json", "{\"id\":4,\"name\":\"d\"}", "not json");
    write("_SUCCESS");

    String savepoint = triggeredRun(null, "run1", () -> {});
    List<String> firstRun = drain();
    write("c.json", "{\"id\":6,\"name\":\"f\"}", "{\"id\":7,\"name\":\"g\",\"x\":1}");
    String secondSavepoint = triggeredRun(savepoint, "run2", () -> {
      write("d.json", "{\"id\":8,\"name\":\"late\"}");
      await().atMost(DEADLINE).until(() -> OUTPUT.contains("8|late|"));
    });
    List<String> secondRun = drain();

    assertThat(firstRun)
        .containsExactlyInAnyOrder("1|a|", "null|b|rescued", "3|null|", "4|d|", "null|null|malformed");
    assertThat(secondRun).containsExactlyInAnyOrder("6|f|", "7|g|rescued", "8|late|");
    assertThat(secondSavepoint).isNotEqualTo(savepoint);
  }

  @Test
  void pacedRunSurvivesAFailureWithoutLosingOrDuplicatingRows() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int f = 0; f < 12; f++) {
      List<String> lines = new ArrayList<>();
      for (int r = 0; r < 40; r++) {
        int id = f * 100 + r;
        lines.add("{\"id\":" + id + ",\"name\":\"n" + id + "\"}");
        expected.add(id + "|n" + id + "|");
      }
      write("f" + f + ".json", lines.toArray(new String[0]));
    }
    CommitOnCheckpoint.COMMITTED.clear();
    FailOnce.reset();
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    StreamExecutionEnvironment env = environment(conf);
    env.enableCheckpointing(100);
    CatchUpMarker marker = CatchUpMarker.at(dir.resolve("markers/paced/files").toUri().toString());
    FileIngestSource source = FileIngestSource.builder(landing.toUri().toString())
        .format(FileFormat.JSON)
        .schema(FileSchemaInference.parseSchema("id BIGINT, name STRING"))
        .maxFilesPerTrigger(2)
        .catchUpMarker(marker)
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "files").uid("files")
        .map(new Describe()).uid("describe")
        .map(new FailOnce("520|")).uid("fail-once")
        .map(new CommitOnCheckpoint()).uid("commit")
        .sinkTo(new DiscardingSink<>()).uid("discard");
    JobClient job = env.executeAsync("paced");

    await().atMost(DEADLINE).until(() -> marker.isMarked() || job.getJobStatus().get().isTerminalState());
    job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL).get();

    assertThat(FailOnce.failed()).as("the failure was injected").isTrue();
    assertThat(CommitOnCheckpoint.committedRows()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void boundedJobReadsEverythingPresentAndFinishes() throws Exception {
    write("a.json", "{\"id\":1,\"name\":\"a\"}");
    write("b.json", "{\"id\":2,\"name\":\"b\"}", "{\"id\":3,\"name\":\"c\"}");
    StreamExecutionEnvironment env = environment(new Configuration());
    env.setRuntimeMode(RuntimeExecutionMode.BATCH);
    addPipeline(env, source(Boundedness.BOUNDED, CatchUpMarker.none()));

    env.execute("bounded");

    assertThat(drain()).containsExactlyInAnyOrder("1|a|", "2|b|", "3|c|");
  }

  /** Runs the job until its source has caught up (and {@code whileRunning} is done), then stops it. */
  private String triggeredRun(String savepoint, String run, ThrowingRunnable whileRunning) throws Exception {
    Configuration conf = new Configuration();
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint); // execution.savepoint.path
    }
    StreamExecutionEnvironment env = environment(conf);
    env.enableCheckpointing(200);
    CatchUpMarker marker = CatchUpMarker.at(dir.resolve("markers/" + run + "/files").toUri().toString());
    addPipeline(env, source(Boundedness.CONTINUOUS_UNBOUNDED, marker));
    JobClient job = env.executeAsync(run);

    await().atMost(DEADLINE).until(() -> marker.isMarked() || job.getJobStatus().get().isTerminalState());
    assertThat(job.getJobStatus().get().isTerminalState()).as("job still running").isFalse();
    whileRunning.run();
    return job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
        .get();
  }

  private FileIngestSource source(Boundedness boundedness, CatchUpMarker marker) {
    return FileIngestSource.builder(landing.toUri().toString())
        .format(FileFormat.JSON)
        .schema(FileSchemaInference.parseSchema("id BIGINT, name STRING"))
        .boundedness(boundedness)
        .discoveryInterval(Duration.ofMillis(100))
        .catchUpMarker(marker)
        .build();
  }

  private static StreamExecutionEnvironment environment(Configuration conf) {
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  private static void addPipeline(StreamExecutionEnvironment env, FileIngestSource source) {
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "files").uid("files")
        .map(new Describe()).uid("describe")
        .sinkTo(new DiscardingSink<>()).uid("discard");
  }

  private static List<String> drain() {
    List<String> rows = new ArrayList<>(OUTPUT);
    OUTPUT.clear();
    return rows;
  }

  private void write(String name, String... lines) throws IOException {
    Path file = landing.resolve(name);
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.write(temp, List.of(lines));
    Files.move(temp, file);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Records each row as {@code id|name|rescued-kind} in the shared output. */
  private static final class Describe implements MapFunction<RowData, String> {
    @Override
    public String map(RowData row) {
      String rescued = row.isNullAt(2) ? ""
          : row.getString(2).toString().contains("_malformed_record") ? "malformed" : "rescued";
      String text = (row.isNullAt(0) ? "null" : Long.toString(row.getLong(0))) + "|"
          + (row.isNullAt(1) ? "null" : row.getString(1).toString()) + "|" + rescued;
      OUTPUT.add(text);
      return text;
    }
  }
}
