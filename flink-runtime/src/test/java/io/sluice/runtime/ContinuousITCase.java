package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.events.EventType;
import io.sluice.core.events.PipelineEvent;
import io.sluice.runtime.events.EventLogFiles;
import io.sluice.runtime.exec.FlowProgress;
import io.sluice.runtime.exec.FlowStatus;
import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous mode on files: new files are picked up while running and published at checkpoints,
 * materialized views follow, and a stop with savepoint then a new start loses and repeats nothing.
 */
class ContinuousITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(10);
  static final Duration WITHIN = Duration.ofSeconds(90);

  @TempDir Path dir;

  private PipelineFixture pipeline() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("live"));
    p.write("pipeline.yaml", "name: live\ncheckpoints: {interval: 500ms}\n");
    p.write("orders.sql", """
        CREATE STREAMING TABLE orders (
          CONSTRAINT positive EXPECT (amount > 0) ON VIOLATION DROP ROW
        )
        AS SELECT * FROM STREAM read_files('in', format => 'json', discoveryInterval => '200',
                                           schema => 'id BIGINT, amount INT');

        CREATE MATERIALIZED VIEW totals AS SELECT COUNT(*) AS n, SUM(amount) AS total FROM orders;

        CREATE MATERIALIZED VIEW doubled AS SELECT n * 2 AS n2 FROM totals;

        CREATE MATERIALIZED VIEW by_bucket AS
        SELECT id % 3 AS bucket, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY id % 3;
        """);
    return p;
  }

  private static String orders(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> "{\"id\": " + i + ", \"amount\": " + (i % 10 == 0 ? -1 : i) + "}")
        .collect(Collectors.joining("\n")) + "\n";
  }

  private static List<Long> ids(PipelineFixture p) {
    return p.table("orders").rows().stream().map(r -> (Long) r.get("id")).sorted().toList();
  }

  private static List<Long> expected(int to) {
    return IntStream.range(0, to).filter(i -> i % 10 != 0).mapToObj(i -> (long) i).toList();
  }

  @Test
  void newFilesArePublishedWhileRunningAndAStopThenStartLosesAndRepeatsNothing() throws Exception {
    PipelineFixture p = pipeline();
    p.write("in/1.json", orders(0, 30));
    List<FlowProgress> progress = new CopyOnWriteArrayList<>();
    UpdateListener record = new UpdateListener() {
      @Override
      public void flowProgress(FlowProgress f, boolean checkpointed) {
        progress.add(f);
      }
    };
    PipelineFixture.Continuous run = p.startContinuous(RunOptions.ALL, record);
    Eventually.until(WITHIN, "first file in orders", () -> ids(p), ids -> ids.equals(expected(30)));
    p.write("in/2.json", orders(30, 50));
    Eventually.until(WITHIN, "second file in orders", () -> ids(p), ids -> ids.equals(expected(50)));
    Eventually.until(WITHIN, "totals follows orders", () -> p.table("totals").rows(),
        rows -> rows.size() == 1 && Long.valueOf(45).equals(rows.get(0).get("n")));
    Eventually.until(WITHIN, "doubled follows totals", () -> p.table("doubled").rows(),
        rows -> rows.size() == 1 && Long.valueOf(90).equals(rows.get(0).get("n2")));
    UpdateResult first = run.stop();

    assertThat(first.state()).as(first.toString()).isEqualTo("CANCELED");
    assertThat(PipelineFixture.statuses(first)).containsEntry("orders", FlowStatus.STOPPED);
    assertThat(first.flows().stream().filter(f -> f.flow().equals("orders")).findFirst().orElseThrow()
        .quality().get(0).rowsDropped()).isEqualTo(5);
    assertThat(progress).anyMatch(f -> f.flow().equals("orders") && f.lastCheckpoint().isPresent()
        && f.rowsWritten() > 0);

    p.write("in/3.json", orders(50, 70));
    PipelineFixture.Continuous again = p.startContinuous(RunOptions.ALL, UpdateListener.NONE);
    Eventually.until(WITHIN, "third file in orders", () -> ids(p), ids -> ids.size() >= expected(70).size());
    Eventually.until(WITHIN, "totals resumes from its savepoint and follows", () -> p.table("totals").rows(),
        rows -> rows.size() == 1 && Long.valueOf(expected(70).size()).equals(rows.get(0).get("n")));
    Eventually.until(WITHIN, "by_bucket equals the query over all orders", () -> buckets(p), b -> b.equals(buckets(70)));
    UpdateResult second = again.stop();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(ids(p)).as("each order once across stop and restart").isEqualTo(expected(70));

    List<PipelineEvent> events = new EventLogFiles(new StorageLayout(p.folder.resolve("storage"))).readAll();
    assertThat(events).filteredOn(e -> e.type() == EventType.FLOW_PROGRESS
            && e.origin().updateId().equals(first.updateId()) && isRunningWithCheckpoint(e))
        .as("flow_progress at checkpoints").isNotEmpty();
    assertThat(events).filteredOn(e -> e.type() == EventType.PLANNING_INFORMATION
            && e.origin().updateId().equals(first.updateId()))
        .extracting(e -> e.origin().dataset().orElse("") + ":" + technique(e))
        .as("totals reads a streaming table: maintained; doubled reads a view: recomputed")
        .contains("totals:INCREMENTAL", "doubled:COMPLETE_RECOMPUTE");
    assertThat(events).filteredOn(e -> e.type() == EventType.UPDATE_PROGRESS
            && e.origin().updateId().equals(first.updateId()))
        .extracting(e -> state(e)).contains("RUNNING", "CANCELED");
  }

  /** bucket -> "count/sum" as the view holds it. */
  private static Map<Long, String> buckets(PipelineFixture p) {
    return p.table("by_bucket").rows().stream().collect(Collectors.toMap(r -> ((Number) r.get("bucket")).longValue(),
        r -> r.get("n") + "/" + r.get("total"), (a, b) -> a + "+" + b, java.util.TreeMap::new));
  }

  /** bucket -> "count/sum" computed here over the kept orders below {@code to}. */
  private static Map<Long, String> buckets(int to) {
    Map<Long, long[]> acc = new java.util.TreeMap<>();
    for (long id : expected(to)) {
      long[] a = acc.computeIfAbsent(id % 3, k -> new long[2]);
      a[0]++;
      a[1] += id;
    }
    Map<Long, String> out = new java.util.TreeMap<>();
    acc.forEach((k, a) -> out.put(k, a[0] + "/" + a[1]));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static boolean isRunningWithCheckpoint(PipelineEvent e) {
    Map<String, Object> fp = (Map<String, Object>) e.details().get("flow_progress");
    return "RUNNING".equals(fp.get("status")) && ((Map<String, Object>) fp.get("metrics")).containsKey("checkpoint_id");
  }

  @SuppressWarnings("unchecked")
  private static String technique(PipelineEvent e) {
    return (String) ((Map<String, Object>) e.details().get("planning_information")).get("technique");
  }

  @SuppressWarnings("unchecked")
  private static String state(PipelineEvent e) {
    return (String) ((Map<String, Object>) e.details().get("update_progress")).get("state");
  }
}
