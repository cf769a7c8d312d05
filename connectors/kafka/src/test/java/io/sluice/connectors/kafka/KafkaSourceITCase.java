package io.sluice.connectors.kafka;

import static io.sluice.connectors.kafka.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.connectors.files.FileSchemaInference;
import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.testing.flink.TestJobs;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggered runs as Sluice executes them, on a real broker: an unbounded job with checkpoints,
 * stopped with a savepoint (no drain) once the source marks its catch-up, and restored from that
 * savepoint. The topic is written by transactional producers, so every partition ends in
 * transaction markers (and partition 0 in an aborted transaction) that a read_committed consumer
 * never receives: catch-up must go by consumer positions, not by the last record read.
 */
class KafkaSourceITCase {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final Queue<Long> OUTPUT = new ConcurrentLinkedQueue<>();

  @org.junit.jupiter.api.extension.RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  @RegisterExtension static final EmbeddedKafka kafka = new EmbeddedKafka();

  @TempDir Path dir;
  private MiniCluster cluster;



  @BeforeEach
  void setUp(@InjectMiniCluster MiniCluster miniCluster) {
    cluster = miniCluster;
    OUTPUT.clear();
  }

  @Test
  void triggeredRunsReadEveryCommittedRecordOnceAcrossSavepoints() throws Exception {
    kafka.createTopic("orders", 4); // partition 3 stays empty
    produceInTransactions("orders", 0, 50);
    abortTransaction("orders");

    JobClient first = start("orders", null, "run-1");
    awaitMarked("run-1", first);
    List<Long> atFirstMark = sorted(OUTPUT);
    String savepoint = TestJobs.stop(cluster, first, savepoints());
    List<Long> firstRun = drain();

    produceInTransactions("orders", 50, 80);
    abortTransaction("orders");
    JobClient second = start("orders", savepoint, "run-2");
    awaitMarked("run-2", second);
    List<Long> atSecondMark = sorted(OUTPUT);
    kafka.produce("orders", null, "{\"id\":80,\"name\":\"late\"}");
    await().atMost(DEADLINE).until(() -> OUTPUT.contains(80L));
    String secondSavepoint = TestJobs.stop(cluster, second, savepoints());
    List<Long> secondRun = drain();

    JobClient continuous = start("orders", secondSavepoint, null);
    produceInTransactions("orders", 81, 82);
    await().atMost(DEADLINE).until(() -> OUTPUT.contains(81L));
    List<Long> continuousRun = sorted(OUTPUT);
    TestJobs.cancel(continuous);

    assertThat(atFirstMark).as("marked only once every record present at start was read")
        .isEqualTo(ids(0, 50));
    assertThat(firstRun).isEqualTo(ids(0, 50));
    assertThat(atSecondMark).as("the restored run starts at the savepoint's offsets")
        .isEqualTo(ids(50, 80));
    assertThat(secondRun).as("and goes on reading after catching up").isEqualTo(ids(50, 81));
    assertThat(continuousRun).as("a continuous run (no marker) restores a triggered run's savepoint")
        .containsExactly(81L);
  }

  @Test
  void topicsWithNothingToReadAreCaughtUpAtOnce() throws Exception {
    kafka.createTopic("empty-a", 2);
    kafka.createTopic("empty-b", 1);
    abortTransaction("empty-b"); // records, but none a read_committed consumer may see

    JobClient job = start("pattern:empty-.*", null, "empty");
    awaitMarked("empty", job);
    TestJobs.cancel(job);

    assertThat(OUTPUT).isEmpty();
  }

  /** Starts the job; {@code pattern:} before a regular expression subscribes by pattern. */
  private JobClient start(String topics, String savepoint, String run) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(500);
    KafkaInput input = KafkaInput.builder()
        .bootstrapServers(kafka.bootstrapServers())
        .startingOffsets("earliest")
        .schema(FileSchemaInference.parseSchema("id BIGINT, name STRING"))
        .catchUpMarker(run == null ? CatchUpMarker.none() : marker(run));
    if (topics.startsWith("pattern:")) {
      input.topicPattern(topics.substring("pattern:".length()));
    } else {
      input.topics(topics);
    }
    env.fromSource(input.build(),
            WatermarkStrategy.noWatermarks(), "kafka").uid("kafka")
        .map(new Collect()).uid("collect")
        .sinkTo(new DiscardingSink<>()).uid("discard");
    return env.executeAsync(run == null ? "continuous" : run);
  }

  private void awaitMarked(String run, JobClient job) throws Exception {
    CatchUpMarker marker = marker(run);
    await().atMost(DEADLINE)
        .until(() -> marker.isMarked() || job.getJobStatus().get().isTerminalState());
    assertThat(job.getJobStatus().get().isTerminalState()).as("job still running").isFalse();
  }

  private CatchUpMarker marker(String run) {
    return CatchUpMarker.at(dir.resolve("markers/" + run + "/kafka").toUri().toString());
  }

  private String savepoints() {
    return dir.resolve("savepoints").toUri().toString();
  }

  /** Orders with ids [from, to), over partitions 0 to 2, in transactions of at most 10. */
  private static void produceInTransactions(String topic, long from, long to) {
    List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
    for (long id = from; id < to; id++) {
      batch.add(new ProducerRecord<>(topic, (int) (id % 3), null,
          utf8("{\"id\":" + id + ",\"name\":\"n" + id + "\"}")));
      if (batch.size() == 10 || id == to - 1) {
        kafka.produceInTransaction(batch, true);
        batch = new ArrayList<>();
      }
    }
  }

  private static void abortTransaction(String topic) {
    kafka.produceInTransaction(List.of(
        new ProducerRecord<>(topic, 0, null, utf8("{\"id\":-1,\"name\":\"aborted\"}"))), false);
  }

  private static List<Long> ids(long from, long to) {
    return LongStream.range(from, to).boxed().collect(Collectors.toList());
  }

  private static List<Long> sorted(Queue<Long> ids) {
    return ids.stream().sorted().collect(Collectors.toList());
  }

  private static List<Long> drain() {
    List<Long> rows = sorted(OUTPUT);
    OUTPUT.clear();
    return rows;
  }

  /** Records each row's id in the shared output. */
  private static final class Collect implements MapFunction<RowData, Long> {
    @Override
    public Long map(RowData row) {
      long id = row.getLong(0);
      OUTPUT.add(id);
      return id;
    }
  }
}
