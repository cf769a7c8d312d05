package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.load.LoadedPipeline;
import io.sluice.runtime.exec.EmbeddedCluster;
import io.sluice.runtime.exec.EngineConfig;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.exec.UpdateRunner;
import io.sluice.runtime.plan.RunOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expectation counts are Flink metrics while a flow runs: a Prometheus reporter configured in
 * pipeline.yaml serves them, labelled with dataset and expectation.
 */
class PrometheusMetricsITCase {
  @TempDir Path dir;

  @Test
  void aPrometheusReporterSeesExpectationCountsWhileTheFlowRuns() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PipelineFixture p = PipelineFixture.empty(dir.resolve("prom"), null);
    p.write("pipeline.yaml", """
        name: prom
        flink:
          metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
          metrics.reporter.prom.port: "%d"
          execution.checkpointing.interval: 300ms
          parallelism.default: 1
        """.formatted(port));
    p.write("p.sql", """
        CREATE STREAMING TABLE people (
          CONSTRAINT valid_id EXPECT (id IS NOT NULL) ON VIOLATION DROP ROW
        ) AS SELECT * FROM STREAM read_files('in', format => 'json', schema => 'id BIGINT',
                                             maxFilesPerTrigger => 1);
        """);
    for (int f = 0; f < 12; f++) {
      p.write("in/f" + (100 + f) + ".json",
          IntStream.range(0, 5).mapToObj(i -> "{\"id\": " + (i == 0 ? "null" : String.valueOf(i)) + "}")
              .collect(Collectors.joining("\n")) + "\n");
    }
    LoadedPipeline loaded = p.load();
    try (EmbeddedCluster cluster = EmbeddedCluster.start(4, EngineConfig.cluster(loaded.spec()))) {
      CompletableFuture<UpdateResult> run = CompletableFuture.supplyAsync(() ->
          new UpdateRunner(cluster, UpdateListener.NONE, EngineConfig.of(loaded.spec()))
              .run(loaded.spec(), loaded.graph(), loaded.problems(), RunOptions.ALL));
      String seen = scrape(port, run);
      assertThat(seen).contains("expectation=\"valid_id\"").contains("dataset=\"people\"");
      assertThat(run.get().succeeded()).isTrue();
    }
  }

  /** Polls the reporter until it serves a failed_records line, while the update runs. */
  private static String scrape(int port, CompletableFuture<UpdateResult> run) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline) && !run.isDone()) {
      try {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        String line = body.lines().filter(l -> l.contains("failed_records{") && l.contains("valid_id"))
            .findFirst().orElse(null);
        if (line != null) {
          return line;
        }
      } catch (java.io.IOException e) {
        // the reporter is not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the Prometheus reporter never served the expectation metrics");
  }
}
