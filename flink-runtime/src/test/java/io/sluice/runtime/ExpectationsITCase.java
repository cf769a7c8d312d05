package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.events.EventType;
import io.sluice.core.events.PipelineEvent;
import io.sluice.runtime.events.EventLogFiles;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.testing.DeltaReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expectations on generated input with known bad rows: the quarantine table holds exactly the
 * rows that should be there with the right reasons, the event log's counts equal an independent
 * computation, and rows in = written + dropped + quarantined for every update, checked from the
 * tables and the event log.
 */
class ExpectationsITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(4);
  static final Pattern EMAIL = Pattern.compile("^[^@ ]+@[^@ ]+\\.[a-z]+$");
  static final List<String> NAMES = List.of("valid_id", "valid_email", "age_range", "has_country");

  @TempDir Path dir;

  /** One generated person; nulls and bad values at known positions. */
  record Person(Long id, String email, Integer age, String country) {
    String json() {
      return "{\"id\": " + id + ", \"email\": " + str(email) + ", \"age\": " + age + ", \"country\": " + str(country) + "}";
    }

    List<String> failed() {
      List<String> f = new ArrayList<>();
      if (id == null) {
        f.add("valid_id");
      }
      if (email == null || !EMAIL.matcher(email).matches()) {
        f.add("valid_email");
      }
      if (age == null || age < 0 || age > 120) {
        f.add("age_range");
      }
      if (country == null) {
        f.add("has_country");
      }
      return f;
    }

    /** KEEP, DROP or QUARANTINE: the strongest action among the failed expectations. */
    String fate() {
      List<String> f = failed();
      if (f.contains("valid_email") || f.contains("age_range")) {
        return "QUARANTINE";
      }
      return f.contains("valid_id") ? "DROP" : "KEEP";
    }

    private static String str(String s) {
      return s == null ? "null" : "\"" + s + "\"";
    }
  }

  static List<Person> people(int from, int to) {
    List<Person> all = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Long id = i % 17 == 0 ? null : (long) i;
      String email = i % 7 == 0 ? "person" + i + "-at-example.com" : i % 29 == 0 ? null : "p" + i + "@example.com";
      Integer age = i % 23 == 0 ? null : i % 11 == 0 ? 130 + i : i % 90;
      String country = i % 5 == 0 ? null : "C" + (i % 3);
      all.add(new Person(id, email, age, country));
    }
    return all;
  }

  private PipelineFixture pipeline() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("dq"));
    p.write("pipeline.yaml", "name: dq\n");
    p.write("people.sql", """
        CREATE STREAMING TABLE people (
          CONSTRAINT valid_id EXPECT (id IS NOT NULL) ON VIOLATION DROP ROW,
          CONSTRAINT valid_email EXPECT (email RLIKE '^[^@ ]+@[^@ ]+\\.[a-z]+$') ON VIOLATION QUARANTINE,
          CONSTRAINT age_range EXPECT (age BETWEEN 0 AND 120) ON VIOLATION QUARANTINE,
          CONSTRAINT has_country EXPECT (country IS NOT NULL)
        )
        AS SELECT * FROM STREAM read_files('in', format => 'json',
                                           schema => 'id BIGINT, email STRING, age INT, country STRING');
        """);
    return p;
  }

  @Test
  void quarantineCountsAndConservationMatchAnIndependentComputation() {
    PipelineFixture p = pipeline();
    List<Person> first = people(0, 200);
    p.write("in/a.json", first.stream().map(Person::json).collect(Collectors.joining("\n")) + "\n");
    UpdateResult r1 = p.run();
    assertThat(r1.succeeded()).as(r1.toString()).isTrue();
    checkUpdate(p, r1.updateId(), first, first);

    List<Person> second = people(200, 290);
    p.write("in/b.json", second.stream().map(Person::json).collect(Collectors.joining("\n")) + "\n");
    UpdateResult r2 = p.run();
    assertThat(r2.succeeded()).as(r2.toString()).isTrue();
    List<Person> all = new ArrayList<>(first);
    all.addAll(second);
    checkUpdate(p, r2.updateId(), second, all);

    List<PipelineEvent> events = new EventLogFiles(new StorageLayout(p.folder.resolve("storage"))).readAll();
    assertThat(DeltaReader.of(p.folder.resolve("storage/system/event_log")).rows())
        .as("the event log table holds every event of the JSON-lines log").hasSize(events.size());
  }

  @Test
  void continuousExecutionGivesTheSameResultsAsTriggered() throws Exception {
    PipelineFixture p = pipeline();
    p.write("pipeline.yaml", "name: dq\ncheckpoints: {interval: 500ms}\n");
    List<Person> first = people(0, 150);
    p.write("in/a.json", first.stream().map(Person::json).collect(Collectors.joining("\n")) + "\n");
    PipelineFixture.Continuous run = p.startContinuous(io.sluice.runtime.plan.RunOptions.ALL,
        io.sluice.runtime.exec.UpdateListener.NONE);
    List<Person> second = people(150, 290);
    long expected = java.util.stream.Stream.concat(first.stream(), second.stream())
        .filter(x -> !x.fate().equals("DROP")).count();
    p.write("in/b.json", second.stream().map(Person::json).collect(Collectors.joining("\n")) + "\n");
    io.sluice.testing.Eventually.until(java.time.Duration.ofSeconds(90), "every kept or quarantined row",
        () -> p.table("people").rows().size() + p.table("people_quarantine").rows().size(), n -> n == expected);
    UpdateResult r = run.stop();
    assertThat(r.succeeded()).as(r.toString()).isTrue();
    List<Person> all = new ArrayList<>(first);
    all.addAll(second);
    checkUpdate(p, r.updateId(), all, all);
  }

  /** Checks one update's event-log numbers against {@code batch}, and the tables against {@code all}. */
  @SuppressWarnings("unchecked")
  private static void checkUpdate(PipelineFixture p, String updateId, List<Person> batch, List<Person> all) {
    Map<String, Object> dq = dataQuality(p, updateId);
    long quarantined = batch.stream().filter(x -> x.fate().equals("QUARANTINE")).count();
    long dropped = batch.stream().filter(x -> x.fate().equals("DROP")).count();
    assertThat(((Number) dq.get("input_records")).longValue()).isEqualTo(batch.size());
    assertThat(((Number) dq.get("dropped_records")).longValue()).isEqualTo(dropped);
    assertThat(((Number) dq.get("quarantined_records")).longValue()).isEqualTo(quarantined);
    Map<String, String> counts = new TreeMap<>();
    for (Object o : (List<Object>) dq.get("expectations")) {
      Map<String, Object> e = (Map<String, Object>) o;
      counts.put((String) e.get("name"), e.get("passed_records") + "/" + e.get("failed_records"));
    }
    Map<String, String> expected = new TreeMap<>();
    for (String name : NAMES) {
      long failed = batch.stream().filter(x -> x.failed().contains(name)).count();
      expected.put(name, (batch.size() - failed) + "/" + failed);
    }
    assertThat(counts).isEqualTo(expected);

    List<Map<String, Object>> table = p.table("people").rows();
    List<Map<String, Object>> quarantine = p.table("people_quarantine").rows();
    assertThat(table.stream().map(r -> (Long) r.get("id")).sorted().toList())
        .isEqualTo(all.stream().filter(x -> x.fate().equals("KEEP")).map(Person::id).sorted().toList());
    List<String> reasons = quarantine.stream()
        .map(r -> r.get("id") + "|" + r.get("email") + "|" + r.get("age") + "|" + r.get("_failed_expectations"))
        .sorted().toList();
    List<String> expectedReasons = all.stream().filter(x -> x.fate().equals("QUARANTINE"))
        .map(x -> x.id() + "|" + x.email() + "|" + x.age() + "|" + x.failed()).sorted().toList();
    assertThat(reasons).isEqualTo(expectedReasons);
    assertThat(quarantine).allMatch(r -> "people".equals(r.get("_flow")) && r.get("_update_id") != null);
    long written = table.size();
    long inAll = all.size();
    long droppedAll = all.stream().filter(x -> x.fate().equals("DROP")).count();
    assertThat(written + droppedAll + quarantine.size()).as("rows in = written + dropped + quarantined").isEqualTo(inAll);
  }

  /** The update's last data_quality of flow people: at its end (continuous runs report more before). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> dataQuality(PipelineFixture p, String updateId) {
    Map<String, Object> last = null;
    for (PipelineEvent e : new EventLogFiles(new StorageLayout(p.folder.resolve("storage"))).readAll()) {
      if (e.type() == EventType.FLOW_PROGRESS && e.origin().updateId().equals(updateId)
          && e.origin().flow().equals(java.util.Optional.of("people"))) {
        Map<String, Object> progress = (Map<String, Object>) e.details().get("flow_progress");
        if (progress.containsKey("data_quality")) {
          last = (Map<String, Object>) progress.get("data_quality");
        }
      }
    }
    if (last == null) {
      throw new AssertionError("no data_quality for update " + updateId);
    }
    return last;
  }
}
