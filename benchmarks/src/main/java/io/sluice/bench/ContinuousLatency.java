package io.sluice.bench;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.load.PipelineLoader;
import io.sluice.core.spec.ExecutionMode;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.exec.ContinuousRunner;
import io.sluice.runtime.exec.EmbeddedCluster;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.exec.StopSignal;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.testing.DeltaCommits;
import io.sluice.testing.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * W5, continuous latency: records produced to Kafka at a fixed rate, each carrying the time it was
 * sent, go through a temporary view with an expectation (every 100th record dropped) into a Kafka
 * sink and into a Delta table, two flows of one continuous run. Event-to-visible latency is, for
 * the sink, when a read_committed consumer receives the record, and for the table, the time of the
 * Delta commit that added the row; both minus the send time. The first seconds are warm-up.
 */
final class ContinuousLatency {
  private final Path dir;
  private final int rate;
  private final int seconds;
  private final int rounds;
  private final String checkpointInterval;

  ContinuousLatency(Path dir, int rate, int seconds, int rounds, String checkpointInterval) {
    this.dir = dir;
    this.rate = rate;
    this.seconds = seconds;
    this.rounds = rounds;
    this.checkpointInterval = checkpointInterval;
  }

  String run() throws Exception {
    List<Latencies.Summary> kafkaRuns = new ArrayList<>();
    List<Latencies.Summary> deltaRuns = new ArrayList<>();
    try (EmbeddedKafka kafka = new EmbeddedKafka().start();
        EmbeddedCluster cluster = EmbeddedCluster.start(4, new org.apache.flink.configuration.Configuration())) {
      for (int round = 0; round < rounds; round++) {
        Latencies[] both = round(kafka, cluster, round);
        kafkaRuns.add(both[0].summary());
        deltaRuns.add(both[1].summary());
      }
    }
    StringBuilder out = new StringBuilder(String.format(
        "continuous latency (W5), %,d records/s for %d s, checkpoints every %s, %d runs:%n",
        rate, seconds, checkpointInterval, rounds));
    out.append(Latencies.Summary.table("Kafka -> expectations -> Kafka sink (read_committed)", kafkaRuns));
    out.append(Latencies.Summary.table("Kafka -> expectations -> Delta (commit time)", deltaRuns));
    return out.toString();
  }

  private Latencies[] round(EmbeddedKafka kafka, EmbeddedCluster cluster, int round) throws Exception {
    String in = "w5_in_" + round;
    String outTopic = "w5_out_" + round;
    kafka.createTopic(in, 2);
    kafka.createTopic(outTopic, 2);
    Path p = dir.resolve("w5-" + round);
    writePipeline(p, kafka.bootstrapServers(), in, outTopic);
    LoadedPipeline loaded = PipelineLoader.load(p, Map.of());
    if (loaded.hasErrors()) {
      throw new IllegalStateException(loaded.problems().toString());
    }
    PipelineSpec spec = loaded.spec().withMode(ExecutionMode.CONTINUOUS);
    StopSignal stop = new StopSignal(new StorageLayout(spec.storage()));
    CompletableFuture<UpdateResult> run = CompletableFuture.supplyAsync(() ->
        new ContinuousRunner(cluster, UpdateListener.NONE, EngineConfig.of(spec))
            .run(spec, loaded.graph(), loaded.problems(), RunOptions.ALL, stop));
    try (SinkWatcher watcher = SinkWatcher.start(kafka.bootstrapServers(), outTopic)) {
      long total = (long) rate * seconds;
      long started = RateProducer.produce(kafka.bootstrapServers(), in, rate, total);
      long measuredFrom = started + Math.min(5, seconds / 3) * 1000L; // warm-up excluded
      long kept = total - (total + 99) / 100;
      watcher.awaitCount(kept, 120_000);
      Path table = p.resolve("storage/tables/events");
      awaitRows(table, kept);
      stop.request();
      UpdateResult result = run.get(3, TimeUnit.MINUTES);
      if (result.state().equals("FAILED")) {
        throw new IllegalStateException("the continuous run failed: " + result);
      }
      Latencies delta = new Latencies(measuredFrom);
      for (DeltaCommits.Commit c : DeltaCommits.read(table, "sent_at")) {
        c.added().forEach(sent -> delta.add(sent, c.timestampMillis()));
      }
      Latencies sink = watcher.latencies(measuredFrom);
      if (sink.total() != kept || delta.total() != kept) {
        throw new IllegalStateException("expected " + kept + " records in each output, the sink has "
            + sink.total() + ", the table " + delta.total());
      }
      return new Latencies[] {sink, delta};
    }
  }

  private static void awaitRows(Path table, long rows) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      if (Files.isDirectory(table.resolve("_delta_log"))
          && DeltaCommits.read(table, "sent_at").stream().mapToLong(c -> c.added().size()).sum() >= rows) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the Delta table did not get " + rows + " rows within 2 minutes");
  }

  private void writePipeline(Path p, String bootstrap, String in, String out) throws java.io.IOException {
    Files.createDirectories(p);
    Files.writeString(p.resolve("pipeline.yaml"), "name: w5\ncheckpoints: {interval: " + checkpointInterval
        + "}\nconfiguration: {kafka: \"" + bootstrap + "\"}\n");
    Files.writeString(p.resolve("p.sql"), """
        CREATE TEMPORARY VIEW checked (
          CONSTRAINT non_negative EXPECT (v >= 0) ON VIOLATION DROP ROW
        ) AS SELECT id, v, sent_at FROM STREAM read_kafka(bootstrapServers => '${kafka}',
          subscribe => '%s', startingOffsets => 'earliest', valueFormat => 'json',
          schema => 'id BIGINT, v BIGINT, sent_at BIGINT');

        CREATE STREAMING TABLE events AS SELECT * FROM STREAM(checked);

        CREATE SINK out USING kafka OPTIONS ('kafka.bootstrap.servers' = '${kafka}', 'topic' = '%s');
        CREATE FLOW forward AS INSERT INTO out SELECT * FROM STREAM(checked);
        """.formatted(in, out));
  }
}
