package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.UpdateResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AUTO CDC end to end over JSON change files: random inserts, updates and deletes with duplicates
 * and out-of-order delivery, over several files and triggered runs, applied into an SCD type 1 and
 * an SCD type 2 table, read back with Delta Kernel and compared with a reference model computed
 * here from the same events; and a Databricks notebook with the older APPLY CHANGES spelling.
 */
class AutoCdcITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(6);
  static final int KEYS = 200;
  static final int RUNS = 3;

  @TempDir Path dir;

  /** One change: key, sequence, delete or upsert, and the values. */
  record Event(int k, long seq, boolean delete, int a, String b) {
    String json() {
      return "{\"k\": " + k + ", \"seq\": " + seq + ", \"op\": \"" + (delete ? "DELETE" : "UPSERT")
          + "\", \"a\": " + a + ", \"b\": \"" + b + "\"}";
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void randomChangesOverSeveralRunsGiveTheReferenceScd1AndScd2Tables(long seed) {
    PipelineFixture p = CLUSTER.empty(dir.resolve("cdc"));
    p.write("pipeline.yaml", "name: cdc\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE changes AS
        SELECT k, seq, op, a, b FROM STREAM read_files('in', format => 'json',
          schema => 'k INT, seq BIGINT, op STRING, a INT, b STRING');

        CREATE STREAMING TABLE scd1;
        CREATE FLOW to_scd1 AS AUTO CDC INTO scd1 FROM STREAM(changes) KEYS (k)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op);

        CREATE STREAMING TABLE scd2;
        CREATE FLOW to_scd2 AS AUTO CDC INTO scd2 FROM STREAM(changes) KEYS (k)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op, seq)
          STORED AS SCD TYPE 2;
        """);
    Random random = new Random(seed);
    List<Event> events = events(random);
    List<Event> delivered = new ArrayList<>(events);
    for (int i = 0; i < events.size() / 10; i++) {
      delivered.add(events.get(random.nextInt(events.size()))); // duplicates
    }
    Collections.shuffle(delivered, random); // out of order, also across runs
    int perRun = (delivered.size() + RUNS - 1) / RUNS;
    for (int run = 0; run < RUNS; run++) {
      List<Event> batch = delivered.subList(run * perRun, Math.min(delivered.size(), (run + 1) * perRun));
      int half = batch.size() / 2;
      p.write("in/run" + run + "-a.json", json(batch.subList(0, half)));
      p.write("in/run" + run + "-b.json", json(batch.subList(half, batch.size())));
      UpdateResult r = p.run();
      assertThat(r.succeeded()).as(r.toString()).isTrue();
    }

    assertThat(scd1(p)).as("SCD type 1, seed " + seed).isEqualTo(referenceScd1(events));
    assertThat(scd2(p)).as("SCD type 2, seed " + seed).isEqualTo(referenceScd2(events));
  }

  @Test
  void aDatabricksNotebookWithApplyChangesRunsUnchanged() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("notebook"));
    p.write("pipeline.yaml", "name: notebook\nlibraries: [\"*.sql\"]\n");
    p.write("cdc_notebook.sql", """
        -- Databricks notebook source
        -- MAGIC %md
        -- MAGIC # Users from CDC
        
        -- COMMAND ----------
        
        CREATE OR REFRESH STREAMING LIVE TABLE users_cdc_raw
        COMMENT "raw CDC feed"
        AS SELECT * FROM cloud_files("cdc", "json", map("cloudFiles.inferColumnTypes", "true"));
        
        -- COMMAND ----------
        
        CREATE OR REFRESH STREAMING LIVE TABLE users;
        
        APPLY CHANGES INTO LIVE.users
        FROM stream(LIVE.users_cdc_raw)
        KEYS (userId)
        APPLY AS DELETE WHEN operation = "DELETE"
        SEQUENCE BY sequenceNum
        COLUMNS * EXCEPT (operation, sequenceNum, _rescued_data);
        """);
    p.write("cdc/1.json", """
        {"userId": 124, "name": "Raul", "city": "Oaxaca", "operation": "INSERT", "sequenceNum": 1}
        {"userId": 123, "name": "Isabel", "city": "Monterrey", "operation": "INSERT", "sequenceNum": 1}
        {"userId": 125, "name": "Mercedes", "city": "Tijuana", "operation": "INSERT", "sequenceNum": 2}
        {"userId": 126, "name": "Lily", "city": "Cancun", "operation": "INSERT", "sequenceNum": 2}
        {"userId": 123, "name": null, "city": null, "operation": "DELETE", "sequenceNum": 6}
        {"userId": 125, "name": "Mercedes", "city": "Guadalajara", "operation": "UPDATE", "sequenceNum": 6}
        {"userId": 125, "name": "Mercedes", "city": "Mexicali", "operation": "UPDATE", "sequenceNum": 5}
        {"userId": 123, "name": "Isabel", "city": "Chihuahua", "operation": "UPDATE", "sequenceNum": 5}
        {"userId": 127, "name": "Nina", "city": "Puebla", "operation": "INSERT", "sequenceNum": null}
        """);
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();

    // DLT's documented example: 123 deleted (the update at 5 is older than the delete), 125 at 6
    assertThat(p.table("users").rows().stream().map(row -> row.get("userId") + " " + row.get("name")
        + " " + row.get("city")).sorted().toList())
        .containsExactly("124 Raul Oaxaca", "125 Mercedes Guadalajara", "126 Lily Cancun");
    assertThat(p.table("users").columns()).containsExactlyInAnyOrder("userId", "name", "city");
    assertThat(p.table("users_quarantine").rows()).as("a change without a sequence is quarantined")
        .singleElement().satisfies(q -> {
          assertThat(q.get("userId")).isEqualTo(127L);
          assertThat(q.get("_failed_expectations")).isEqualTo(List.of("null_sequence"));
          assertThat(q.get("_flow")).isEqualTo("users");
        });

    List<io.sluice.core.events.PipelineEvent> events = new io.sluice.runtime.events.EventLogFiles(
        new io.sluice.runtime.storage.StorageLayout(p.folder.resolve("storage"))).readAll();
    assertThat(events).filteredOn(e -> e.type() == io.sluice.core.events.EventType.FLOW_DEFINITION
            && e.origin().flow().orElse("").equals("users"))
        .extracting(e -> (Object) ((Map<?, ?>) e.details().get("flow_definition")).get("flow_type"))
        .containsExactly("CHANGE");
    assertThat(events).filteredOn(e -> e.type() == io.sluice.core.events.EventType.FLOW_PROGRESS
            && e.origin().flow().orElse("").equals("users")
            && "COMPLETED".equals(((Map<?, ?>) e.details().get("flow_progress")).get("status")))
        .singleElement().satisfies(e -> {
          Map<?, ?> metrics = (Map<?, ?>) ((Map<?, ?>) e.details().get("flow_progress")).get("metrics");
          // per key, in file order: 124 +1; 123 +1 then deleted; 125 +1, +1 (6), the 5 ignored; 126 +1
          assertThat(((Number) metrics.get("num_upserted_rows")).longValue()).isEqualTo(5);
          assertThat(((Number) metrics.get("num_deleted_rows")).longValue()).isEqualTo(1);
        });
  }

  @Test
  void applyAsTruncateWhenEmptiesTheTargetAsOfItsSequenceAcrossRuns() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("truncate"));
    p.write("pipeline.yaml", "name: truncating\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE changes AS SELECT * FROM STREAM read_files('cdc', format => 'json',
          schema => 'id INT, name STRING, op STRING, seq BIGINT');
        CREATE STREAMING TABLE users;
        AUTO CDC INTO users FROM STREAM(changes) KEYS (id)
          APPLY AS DELETE WHEN op = 'DELETE' APPLY AS TRUNCATE WHEN op = 'TRUNCATE'
          SEQUENCE BY seq COLUMNS * EXCEPT (op, seq) STORED AS SCD TYPE 1;
        """);
    // 1, 2, 3 before the truncate at 10; 4 after it (delivered before it); 2 again, older: ignored
    p.write("cdc/1.json", """
        {"id": 1, "name": "ann", "op": "INSERT", "seq": 1}
        {"id": 2, "name": "bob", "op": "INSERT", "seq": 2}
        {"id": 4, "name": "dee", "op": "INSERT", "seq": 11}
        {"id": 3, "name": "cy", "op": "INSERT", "seq": 3}
        {"id": null, "name": null, "op": "TRUNCATE", "seq": 10}
        {"id": 2, "name": "bobby", "op": "UPDATE", "seq": 9}
        """);
    UpdateResult first = p.run();
    assertThat(first.succeeded()).as(first.toString()).isTrue();
    assertThat(names(p)).containsExactly("4 dee");

    // the truncate is remembered by the next run: an event older than it is still ignored
    p.write("cdc/2.json", """
        {"id": 1, "name": "ann again", "op": "UPDATE", "seq": 8}
        {"id": 5, "name": "eve", "op": "INSERT", "seq": 12}
        {"id": 3, "name": "cy", "op": "INSERT", "seq": 13}
        """);
    UpdateResult second = p.run();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(names(p)).containsExactly("3 cy", "4 dee", "5 eve");
  }

  private static List<String> names(PipelineFixture p) {
    return p.table("users").rows().stream().map(row -> row.get("id") + " " + row.get("name")).sorted().toList();
  }

  @Test
  void debeziumJsonChangeFilesFeedAutoCdc() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("debezium"));
    p.write("pipeline.yaml", "name: debezium\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE users_changes AS
        SELECT COALESCE(after.id, before.id) AS id, after.name AS name, op, source.lsn AS lsn
        FROM STREAM read_files('cdc', format => 'json', schema =>
          'before ROW<id INT, name STRING>, after ROW<id INT, name STRING>, op STRING,
           source ROW<lsn BIGINT>');
        CREATE STREAMING TABLE users;
        AUTO CDC INTO users FROM STREAM(users_changes) KEYS (id)
          APPLY AS DELETE WHEN op = 'd' SEQUENCE BY lsn COLUMNS * EXCEPT (op, lsn);
        """);
    p.write("cdc/1.json", """
        {"before": null, "after": {"id": 1, "name": "ann"}, "op": "r", "source": {"lsn": 10}}
        {"before": null, "after": {"id": 2, "name": "bob"}, "op": "c", "source": {"lsn": 20}}
        {"before": {"id": 1, "name": "ann"}, "after": {"id": 1, "name": "anne"}, "op": "u", "source": {"lsn": 30}}
        {"before": {"id": 2, "name": "bob"}, "after": null, "op": "d", "source": {"lsn": 40}}
        {"before": null, "after": {"id": 3, "name": "cy"}, "op": "c", "source": {"lsn": 50}}
        """);
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();

    assertThat(p.table("users").rows().stream().map(row -> row.get("id") + " " + row.get("name")).sorted()
        .toList()).containsExactly("1 anne", "3 cy");
  }

  @Test
  void continuousRunsApplyChangesAsFilesArriveAndResumeAfterAStop() throws Exception {
    PipelineFixture p = CLUSTER.empty(dir.resolve("live"));
    p.write("pipeline.yaml", "name: live\ncheckpoints: {interval: 300ms}\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE changes AS
        SELECT k, seq, op, a, b FROM STREAM read_files('in', format => 'json', discoveryInterval => '200',
          schema => 'k INT, seq BIGINT, op STRING, a INT, b STRING');
        CREATE STREAMING TABLE current_rows;
        AUTO CDC INTO current_rows FROM STREAM(changes) KEYS (k)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op);
        """);
    Random random = new Random(7);
    List<Event> events = events(random);
    Collections.shuffle(events, random);
    int third = events.size() / 3;
    p.write("in/1.json", json(events.subList(0, third)));
    PipelineFixture.Continuous run = p.startContinuous(io.sluice.runtime.plan.RunOptions.ALL,
        io.sluice.runtime.exec.UpdateListener.NONE);
    io.sluice.testing.Eventually.until(java.time.Duration.ofSeconds(90), "the first changes applied",
        () -> tableOrEmpty(p), t -> t.equals(referenceScd1(events.subList(0, third))));
    p.write("in/2.json", json(events.subList(third, 2 * third)));
    io.sluice.testing.Eventually.until(java.time.Duration.ofSeconds(90), "the second changes applied",
        () -> tableOrEmpty(p), t -> t.equals(referenceScd1(events.subList(0, 2 * third))));
    UpdateResult stopped = run.stop();
    assertThat(stopped.state()).as(stopped.toString()).isEqualTo("CANCELED");

    p.write("in/3.json", json(events.subList(2 * third, events.size())));
    PipelineFixture.Continuous again = p.startContinuous(io.sluice.runtime.plan.RunOptions.ALL,
        io.sluice.runtime.exec.UpdateListener.NONE);
    io.sluice.testing.Eventually.until(java.time.Duration.ofSeconds(90), "every change applied after the restart",
        () -> tableOrEmpty(p), t -> t.equals(referenceScd1(events)));
    assertThat(again.stop().succeeded()).isTrue();
  }

  private static Map<Integer, String> tableOrEmpty(PipelineFixture p) {
    Map<Integer, String> out = new TreeMap<>();
    for (Map<String, Object> r : p.table("current_rows").rows()) {
      out.put((Integer) r.get("k"), r.get("seq") + "/" + r.get("a") + "/" + r.get("b"));
    }
    return out;
  }

  static List<Event> events(Random random) {
    List<Event> events = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      int changes = 1 + random.nextInt(6);
      long seq = random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        seq += 1 + random.nextInt(3);
        boolean delete = c > 0 && random.nextInt(5) == 0;
        // few distinct values, so that some updates change nothing
        events.add(new Event(k, seq, delete, random.nextInt(3), "v" + random.nextInt(2)));
      }
    }
    return events;
  }

  static String json(List<Event> events) {
    return events.stream().map(Event::json).collect(Collectors.joining("\n")) + "\n";
  }

  /** The event with the highest sequence of each key, unless it is a delete. */
  static Map<Integer, String> referenceScd1(List<Event> events) {
    Map<Integer, Event> last = new HashMap<>();
    for (Event e : events) {
      last.merge(e.k(), e, (x, y) -> x.seq() >= y.seq() ? x : y);
    }
    Map<Integer, String> out = new TreeMap<>();
    last.values().stream().filter(e -> !e.delete()).forEach(e -> out.put(e.k(), e.seq() + "/" + e.a() + "/" + e.b()));
    return out;
  }

  private static Map<Integer, String> scd1(PipelineFixture p) {
    Map<Integer, String> out = new TreeMap<>();
    for (Map<String, Object> r : p.table("scd1").rows()) {
      assertThat(out.put((Integer) r.get("k"), r.get("seq") + "/" + r.get("a") + "/" + r.get("b")))
          .as("one row per key").isNull();
    }
    return out;
  }

  /** Each key's versions from its events in sequence order: a value change opens a version. */
  static List<String> referenceScd2(List<Event> events) {
    Map<Integer, List<Event>> byKey = events.stream().collect(Collectors.groupingBy(Event::k));
    List<String> out = new ArrayList<>();
    for (List<Event> keyEvents : byKey.values()) {
      keyEvents.sort(Comparator.comparingLong(Event::seq));
      Event open = null;
      long start = 0;
      for (Event e : keyEvents) {
        if (e.delete()) {
          if (open != null) {
            out.add(version(open, start, e.seq()));
            open = null;
          }
        } else if (open == null) {
          open = e;
          start = e.seq();
        } else if (open.a() != e.a() || !open.b().equals(e.b())) {
          out.add(version(open, start, e.seq()));
          open = e;
          start = e.seq();
        }
      }
      if (open != null) {
        out.add(version(open, start, null));
      }
    }
    Collections.sort(out);
    return out;
  }

  private static String version(Event e, long start, Long end) {
    return e.k() + "/" + e.a() + "/" + e.b() + "/" + start + "/" + end;
  }

  private static List<String> scd2(PipelineFixture p) {
    return p.table("scd2").rows().stream()
        .map(r -> r.get("k") + "/" + r.get("a") + "/" + r.get("b") + "/" + r.get("__START_AT") + "/"
            + Objects.toString(r.get("__END_AT")))
        .sorted().toList();
  }
}
