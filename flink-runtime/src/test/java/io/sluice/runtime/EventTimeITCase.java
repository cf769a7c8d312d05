package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.EmbeddedCluster;
import io.sluice.runtime.exec.UpdateResult;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event time end to end, in triggered updates: a tumbling-window count over out-of-order events
 * equals the same count computed in batch over the rows that were not late, for the windows the
 * watermark closed; late rows are quarantined with the reason 'late' and counted; the next update
 * resumes the windows and the watermark from the savepoint. Also an interval join of two
 * watermarked streams, and a projection of a watermarked stream that keeps every row.
 */
class EventTimeITCase {
  private static final java.time.Duration WITHIN = java.time.Duration.ofSeconds(90);
  private static EmbeddedCluster cluster;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.setString("metrics.reporter.late.factory.class", LateRowsReporter.Factory.class.getName());
    cluster = EmbeddedCluster.start(4, conf);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  /** One event: key and seconds after 2024-01-01 00:00:00; late when the test says so. */
  record Event(String k, int second, boolean late) {
    String json() {
      return "{\"k\": \"" + k + "\", \"ts\": \"" + time() + "\"}";
    }

    LocalDateTime time() {
      return LocalDateTime.parse("2024-01-01T00:00:00").plusSeconds(second);
    }

    LocalDateTime window() {
      return LocalDateTime.parse("2024-01-01T00:00:00").plusMinutes(second / 60);
    }
  }

  private static String file(List<Event> events) {
    return events.stream().map(Event::json).collect(Collectors.joining("\n")) + "\n";
  }

  private PipelineFixture windows() {
    PipelineFixture p = PipelineFixture.empty(dir.resolve("windows"), cluster);
    p.write("pipeline.yaml", "name: windows\n");
    p.write("events.sql", """
        CREATE STREAMING TABLE events (
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
        ) TBLPROPERTIES ('late.rows' = 'quarantine')
        AS SELECT * FROM STREAM read_files('in', format => 'json', schema => 'k STRING, ts TIMESTAMP(3)');

        CREATE STREAMING TABLE per_minute AS
        SELECT k, window_start, window_end, COUNT(*) AS c
        FROM TABLE(TUMBLE(TABLE STREAM(events), DESCRIPTOR(ts), INTERVAL '1' MINUTE))
        GROUP BY k, window_start, window_end;

        CREATE MATERIALIZED VIEW per_minute_batch AS
        SELECT k, window_start, window_end, COUNT(*) AS c
        FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
        GROUP BY k, window_start, window_end;
        """);
    return p;
  }

  @Test
  void tumblingWindowsOverOutOfOrderEventsMatchTheBatchResultAndLateRowsAreQuarantined() {
    PipelineFixture p = windows();
    // One file per update, read in order: with a 5 s delay the watermark trails the newest event by 5 s.
    List<Event> first = List.of(
        new Event("a", 10, false), new Event("b", 20, false), new Event("a", 58, false),
        new Event("a", 55, false),  // 3 s out of order: on time
        new Event("b", 65, false),  // watermark 59.999: closes [0, 60)
        new Event("a", 62, false),
        new Event("b", 50, true),   // behind the watermark, its window is closed
        new Event("a", 90, false),  // watermark 84.999
        new Event("a", 80, true),   // behind the watermark, its window still open: late all the same
        new Event("b", 130, false)); // watermark 124.999: closes [60, 120)
    p.write("in/1.json", file(first));
    LateRowsReporter.reset();
    UpdateResult r1 = p.run();
    assertThat(r1.succeeded()).as(r1.toString()).isTrue();

    assertThat(windows(p.table("per_minute").rows())).isEqualTo(expected(first, 120));
    assertThat(windows(p.table("per_minute_batch").rows())).as("batch counts every row")
        .isEqualTo(batch(first));
    assertThat(lateRows(p)).containsExactlyInAnyOrder("b@2024-01-01T00:00:50", "a@2024-01-01T00:01:20");
    assertThat(LateRowsReporter.total()).isEqualTo(2);
    assertThat(p.table("events").rows()).as("the watermark changes nothing in the table itself").hasSize(first.size());

    List<Event> second = List.of(
        new Event("a", 125, false), // on time: the restored watermark is 124.999
        new Event("b", 119, true),  // behind the restored watermark
        new Event("a", 210, false)); // watermark 204.999: closes [120, 180)
    p.write("in/2.json", file(second));
    LateRowsReporter.reset();
    UpdateResult r2 = p.run();
    assertThat(r2.succeeded()).as(r2.toString()).isTrue();

    List<Event> all = new ArrayList<>(first);
    all.addAll(second);
    Map<String, Long> streamed = windows(p.table("per_minute").rows());
    assertThat(streamed).as("windows closed in either update, each non-late event counted once")
        .isEqualTo(expected(all, 180));
    assertThat(windows(p.table("per_minute_batch").rows())).isEqualTo(batch(all));
    assertThat(restrict(windows(p.table("per_minute_batch").rows()), all, 180))
        .as("the batch result over the rows that were on time, for the closed windows").isEqualTo(streamed);
    assertThat(lateRows(p)).containsExactlyInAnyOrder(
        "b@2024-01-01T00:00:50", "a@2024-01-01T00:01:20", "b@2024-01-01T00:01:59");
    assertThat(LateRowsReporter.total()).isEqualTo(1);
  }

  @Test
  void continuousModeClosesTheSameWindowsAndQuarantinesTheSameLateRows() throws Exception {
    PipelineFixture p = PipelineFixture.empty(dir.resolve("live"), cluster);
    p.write("pipeline.yaml", "name: live\ncheckpoints: {interval: 300ms}\n");
    p.write("events.sql", """
        CREATE STREAMING TABLE events (
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
        ) TBLPROPERTIES ('late.rows' = 'quarantine')
        AS SELECT * FROM STREAM read_files('in', format => 'json', discoveryInterval => '200',
                                           schema => 'k STRING, ts TIMESTAMP(3)');

        CREATE STREAMING TABLE per_minute AS
        SELECT k, window_start, window_end, COUNT(*) AS c
        FROM TABLE(TUMBLE(TABLE STREAM(events), DESCRIPTOR(ts), INTERVAL '1' MINUTE))
        GROUP BY k, window_start, window_end;
        """);
    List<Event> first = List.of(
        new Event("a", 10, false), new Event("b", 20, false), new Event("a", 58, false),
        new Event("a", 55, false), new Event("b", 65, false), new Event("a", 62, false),
        new Event("b", 50, true), new Event("a", 90, false), new Event("a", 80, true),
        new Event("b", 130, false));
    List<Event> second = List.of(
        new Event("a", 125, false), new Event("b", 119, true), new Event("a", 210, false));
    List<Event> all = new ArrayList<>(first);
    all.addAll(second);
    LateRowsReporter.reset();
    p.write("in/1.json", file(first));
    PipelineFixture.Continuous run = p.startContinuous(io.sluice.runtime.plan.RunOptions.ALL,
        io.sluice.runtime.exec.UpdateListener.NONE);
    io.sluice.testing.Eventually.until(WITHIN, "the windows the first file closes",
        () -> windows(p.table("per_minute").rows()), w -> w.equals(expected(first, 120)));
    p.write("in/2.json", file(second));
    io.sluice.testing.Eventually.until(WITHIN, "the windows the second file closes",
        () -> windows(p.table("per_minute").rows()), w -> w.equals(expected(all, 180)));
    io.sluice.testing.Eventually.until(WITHIN, "the late rows quarantined", () -> lateRows(p),
        late -> late.size() == 3);
    UpdateResult stopped = run.stop();

    assertThat(stopped.state()).as(stopped.toString()).isEqualTo("CANCELED");
    assertThat(windows(p.table("per_minute").rows())).as("the same windows as triggered and batch")
        .isEqualTo(restrict(batch(all), all, 180));
    assertThat(lateRows(p)).containsExactlyInAnyOrder(
        "b@2024-01-01T00:00:50", "a@2024-01-01T00:01:20", "b@2024-01-01T00:01:59");
    assertThat(LateRowsReporter.total()).as("late rows counted").isEqualTo(3);
  }

  @Test
  void intervalJoinOfTwoWatermarkedStreams() {
    PipelineFixture p = PipelineFixture.empty(dir.resolve("join"), cluster);
    p.write("pipeline.yaml", "name: join\n");
    p.write("join.sql", """
        CREATE STREAMING TABLE views (WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE)
        AS SELECT * FROM STREAM read_files('views', format => 'json', schema => 'k STRING, ts TIMESTAMP(3)');
        CREATE STREAMING TABLE clicks (WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE)
        AS SELECT * FROM STREAM read_files('clicks', format => 'json', schema => 'k STRING, ts TIMESTAMP(3)');

        CREATE STREAMING TABLE clicked_views AS
        SELECT v.k, v.ts AS viewed, c.ts AS clicked
        FROM STREAM(views) v JOIN STREAM(clicks) c
          ON v.k = c.k AND c.ts BETWEEN v.ts AND v.ts + INTERVAL '30' SECOND;
        """);
    p.write("views/1.json", file(List.of(new Event("a", 0, false), new Event("b", 10, false),
        new Event("c", 20, false), new Event("a", 100, false))));
    p.write("clicks/1.json", file(List.of(new Event("a", 5, false), new Event("b", 50, false),
        new Event("c", 25, false), new Event("a", 110, false))));
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();

    assertThat(p.table("clicked_views").rows()).extracting(x -> x.get("k") + ":" + x.get("viewed") + ">" + x.get("clicked"))
        .containsExactlyInAnyOrder(
            "a:2024-01-01T00:00>2024-01-01T00:00:05",
            "c:2024-01-01T00:00:20>2024-01-01T00:00:25",
            "a:2024-01-01T00:01:40>2024-01-01T00:01:50");
  }

  @Test
  void aProjectionOfAWatermarkedStreamKeepsEveryRowAndItsMicroseconds() {
    PipelineFixture p = PipelineFixture.empty(dir.resolve("copy"), cluster);
    p.write("pipeline.yaml", "name: copy\n");
    p.write("copy.sql", """
        CREATE STREAMING TABLE events (WATERMARK FOR ts AS ts)
        AS SELECT * FROM STREAM read_files('in', format => 'json', schema => 'k STRING, ts TIMESTAMP(6)');

        CREATE STREAMING TABLE copied AS SELECT k, ts FROM STREAM(events) WHERE k <> 'none';
        """);
    p.write("in/1.json", """
        {"k": "a", "ts": "2024-01-01 00:10:00.123456"}
        {"k": "b", "ts": "2024-01-01 00:00:00"}
        {"k": "c", "ts": null}
        """);
    LateRowsReporter.reset();
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();

    assertThat(p.table("copied").rows()).extracting(x -> x.get("k") + "@" + x.get("ts")).containsExactlyInAnyOrder(
        "a@2024-01-01T00:10:00.123456", "b@2024-01-01T00:00", "c@null");
    assertThat(LateRowsReporter.total()).isZero();
  }

  @Test
  void aWatermarkOnATemporaryViewAndThroughAViewsExpectations() {
    PipelineFixture p = PipelineFixture.empty(dir.resolve("views"), cluster);
    p.write("pipeline.yaml", "name: views\n");
    p.write("views.sql", """
        CREATE STREAMING TABLE raw
        AS SELECT * FROM STREAM read_files('in', format => 'json', schema => 'k STRING, ts TIMESTAMP(3)');

        CREATE TEMPORARY VIEW timed (
          CONSTRAINT has_key EXPECT (k IS NOT NULL) ON VIOLATION DROP ROW,
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
        ) TBLPROPERTIES ('late.rows' = 'quarantine')
        AS SELECT * FROM STREAM(raw);

        CREATE TEMPORARY VIEW checked (CONSTRAINT not_x EXPECT (k <> 'x') ON VIOLATION DROP ROW)
        AS SELECT * FROM timed;

        CREATE STREAMING TABLE counts AS
        SELECT k, window_start, window_end, COUNT(*) AS c
        FROM TABLE(TUMBLE(TABLE checked, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
        GROUP BY k, window_start, window_end;
        """);
    p.write("in/1.json", file(List.of(new Event("a", 10, false), new Event("x", 20, false),
        new Event("a", 70, false), new Event("a", 30, true), new Event("a", 130, false))));
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();

    assertThat(windows(p.table("counts").rows())).isEqualTo(Map.of(
        "a 2024-01-01T00:00", 1L, "a 2024-01-01T00:01", 1L));
    assertThat(p.table("timed_quarantine").rows()).extracting(x -> x.get("k") + "@" + x.get("ts") + " "
        + x.get("_failed_expectations")).containsExactly("a@2024-01-01T00:00:30 [late]");
  }

  @Test
  void watermarkAndPropertyMistakesAreDefinitionErrorsAtTheirPlace() {
    PipelineFixture p = PipelineFixture.empty(dir.resolve("wrong"), cluster);
    p.write("pipeline.yaml", "name: wrong\n");
    p.write("wrong.sql", """
        CREATE STREAMING TABLE numbers (WATERMARK FOR n AS n)
        AS SELECT * FROM STREAM read_files('in', format => 'json', schema => 'n BIGINT');

        CREATE STREAMING TABLE wide (
          WATERMARK FOR ts AS ts - INTERVAL '100' SECOND
        ) AS SELECT * FROM STREAM read_files('in', format => 'json', schema => 'ts TIMESTAMP(3)');

        CREATE STREAMING TABLE kept TBLPROPERTIES ('state.ttl' = 'one hour')
        AS SELECT * FROM STREAM read_files('in', format => 'json', schema => 'ts TIMESTAMP(3)');
        """);
    p.write("in/1.json", "{\"n\": 1, \"ts\": \"2024-01-01 00:00:00\"}\n");
    UpdateResult r = p.run();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.flows()).isEmpty();
    assertThat(r.problems()).extracting(x -> x.code() + " " + x.location())
        .containsExactlyInAnyOrder(
            "WATERMARK_INVALID wrong.sql:1:33",
            "WATERMARK_INVALID wrong.sql:5:28",
            "TABLE_PROPERTY_INVALID wrong.sql:8:24");
    assertThat(r.problems()).anySatisfy(x -> assertThat(x.message())
        .contains("Cannot use column 'n' of type BIGINT for the watermark of 'numbers'"));
  }

  @Test
  void stateTtlLetsAJoinForgetKeysBetweenUpdates() {
    PipelineFixture p = PipelineFixture.empty(dir.resolve("ttl"), cluster);
    p.write("pipeline.yaml", "name: ttl\n");
    p.write("ttl.sql", """
        CREATE STREAMING TABLE lefts AS SELECT * FROM STREAM read_files('l', format => 'json', schema => 'k STRING');
        CREATE STREAMING TABLE rights AS SELECT * FROM STREAM read_files('r', format => 'json', schema => 'k STRING');

        CREATE STREAMING TABLE joined AS
        SELECT l.k FROM STREAM(lefts) l JOIN STREAM(rights) r ON l.k = r.k;
        CREATE STREAMING TABLE joined_briefly TBLPROPERTIES ('state.ttl' = '100 ms') AS
        SELECT l.k FROM STREAM(lefts) l JOIN STREAM(rights) r ON l.k = r.k;
        """);
    p.write("l/1.json", "{\"k\": \"a\"}\n");
    p.write("r/1.json", "{\"k\": \"none\"}\n");
    UpdateResult r1 = p.run();
    assertThat(r1.succeeded()).as(r1.toString()).isTrue();
    p.write("r/2.json", "{\"k\": \"a\"}\n"); // the next update starts seconds later: past 100 ms
    UpdateResult r2 = p.run();
    assertThat(r2.succeeded()).as(r2.toString()).isTrue();

    assertThat(p.table("joined").rows()).extracting(x -> x.get("k")).containsExactly("a");
    assertThat(p.table("joined_briefly").rows()).as("the key 'a' of the first update expired").isEmpty();
  }

  /** Counts per "k window_start" of the rows that were not late, in windows ending at or before {@code closedBy}. */
  private static Map<String, Long> expected(List<Event> events, int closedBy) {
    return events.stream().filter(e -> !e.late() && e.window().plusMinutes(1)
            .compareTo(LocalDateTime.parse("2024-01-01T00:00:00").plusSeconds(closedBy)) <= 0)
        .collect(Collectors.groupingBy(e -> e.k() + " " + e.window(), TreeMap::new, Collectors.counting()));
  }

  private static Map<String, Long> batch(List<Event> events) {
    return events.stream().collect(Collectors.groupingBy(e -> e.k() + " " + e.window(), TreeMap::new,
        Collectors.counting()));
  }

  /** A batch result without the late rows and the windows still open. */
  private static Map<String, Long> restrict(Map<String, Long> batch, List<Event> events, int closedBy) {
    Map<String, Long> out = new TreeMap<>(batch);
    for (Event e : events) {
      if (e.late()) {
        out.merge(e.k() + " " + e.window(), -1L, Long::sum);
      }
    }
    LocalDateTime closed = LocalDateTime.parse("2024-01-01T00:00:00").plusSeconds(closedBy);
    out.keySet().removeIf(k -> LocalDateTime.parse(k.substring(k.indexOf(' ') + 1)).plusMinutes(1).isAfter(closed));
    out.values().removeIf(v -> v == 0);
    return out;
  }

  private static Map<String, Long> windows(List<Map<String, Object>> rows) {
    Map<String, Long> out = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      assertThat(out.put(r.get("k") + " " + r.get("window_start"), (Long) r.get("c")))
          .as("one row per key and window").isNull();
    }
    return out;
  }

  private static List<String> lateRows(PipelineFixture p) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : p.table("events_quarantine").rows()) {
      assertThat(r.get("_failed_expectations")).isEqualTo(List.of("late"));
      assertThat(r.get("_flow")).isEqualTo("per_minute");
      assertThat(r.get("_update_id")).isNotNull();
      out.add(r.get("k") + "@" + r.get("ts"));
    }
    return out;
  }
}
