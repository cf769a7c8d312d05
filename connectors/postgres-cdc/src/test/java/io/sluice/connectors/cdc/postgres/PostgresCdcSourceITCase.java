package io.sluice.connectors.cdc.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.Eventually;
import io.sluice.testing.flink.TestJobs;
import io.sluice.testing.postgres.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source against a real PostgreSQL (logical decoding with pgoutput) on a shared MiniCluster:
 * the initial snapshot and then live changes of two tables through one slot, a stop with savepoint
 * and restore with changes made while the job was down (also after a quiet period), startup at the latest position, and no
 * password in the connector's INFO logs. The tests of changes check what they got against the
 * tables' final contents, by applying the changes in arrival order.
 */
class PostgresCdcSourceITCase {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  @RegisterExtension static final EmbeddedPostgres postgres = new EmbeddedPostgres();

  @TempDir Path dir;
  private MiniCluster cluster;

  @BeforeEach
  void setUp(@InjectMiniCluster MiniCluster miniCluster) {
    cluster = miniCluster;
    Change.OUTPUT.clear();
  }

  @Test
  void deliversTheSnapshotThenEveryChangeOfTwoTables() throws Exception {
    postgres.execute(
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer TEXT NOT NULL,"
            + " amount NUMERIC(10,2), qty SMALLINT, ratio FLOAT8, weight FLOAT4, paid BOOLEAN,"
            + " placed_on DATE, placed_at TIMESTAMPTZ, local_at TIMESTAMP(3), doc JSONB,"
            + " blob BYTEA, note VARCHAR(20), code UUID)",
        "CREATE TABLE customers (id BIGINT PRIMARY KEY, name TEXT, vip BOOLEAN)",
        "ALTER TABLE customers REPLICA IDENTITY FULL");
    for (int i = 1; i <= 10; i++) {
      postgres.execute("INSERT INTO orders (id, customer, amount, qty) VALUES (" + i + ", 'c"
          + (i % 3) + "', " + i + ".50, " + i + ")");
    }
    postgres.execute("INSERT INTO orders VALUES (11, 'typed', 1234.56, 7, 0.25, 1.5, true,"
        + " '2024-02-29', '2024-02-29 12:34:56.789+01', '2024-02-29 12:34:56.789',"
        + " '{\"a\": [1, 2]}', '\\x0102ff', 'short', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')");
    for (int i = 1; i <= 5; i++) {
      postgres.execute("INSERT INTO customers VALUES (" + i + ", 'name" + i + "', false)");
    }

    PostgresCdcInput input = input("orders_customers", "public.orders", "customers");
    RowType type = input.producedType();
    JobClient job = start(input, type, null, 2);
    awaitChanges(16);

    // right after the snapshot, before the stream reader is up: with Debezium's own "filtered"
    // publication, narrowed to the last snapshot chunk's table, the customers changes were lost
    Instant liveFrom = Instant.now().minusSeconds(5);
    postgres.execute(
        "INSERT INTO orders (id, customer, amount) VALUES (12, 'c0', 12.00)",
        "UPDATE orders SET amount = 100.00 WHERE id = 1",
        "UPDATE orders SET amount = 101.00, paid = true WHERE id = 1",
        "DELETE FROM customers WHERE id = 2");
    postgres.execute(
        "UPDATE customers SET vip = true WHERE id = 3",
        "DELETE FROM orders WHERE id = 12",
        "INSERT INTO customers VALUES (6, 'name6', true)");
    postgres.execute("INSERT INTO orders VALUES (13, 'typed', -0.01, 8, 0.5, 2.5, false,"
        + " '1999-12-31', '1999-12-31 23:59:59.5+00', '1999-12-31 23:59:59.5',"
        + " '{}', '\\x', 'x', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12')");
    postgres.execute("UPDATE orders SET qty = 99 WHERE id = 1");
    List<Change> changes = awaitChanges(16 + 9);
    TestJobs.cancel(job);

    List<Change> snapshot = changes.subList(0, 16);
    List<Change> live = changes.subList(16, changes.size());
    assertThat(type.getFieldNames()).startsWith("id", "customer", "amount").endsWith(
        "name", "vip", "_op", "_lsn", "_commit_ts", "_table");
    assertThat(snapshot).allSatisfy(change -> {
      assertThat(change.op()).isEqualTo("INSERT");
      assertThat(change.lsn()).isZero();
    });
    assertThat(snapshot).filteredOn(c -> c.table().equals("public.orders")).hasSize(11);
    assertThat(live).extracting(c -> c.table() + " " + c.op() + " " + c.get("id"))
        .containsExactly(
            "public.orders INSERT 12", "public.orders UPDATE 1", "public.orders UPDATE 1",
            "public.customers DELETE 2",
            "public.customers UPDATE 3", "public.orders DELETE 12", "public.customers INSERT 6",
            "public.orders INSERT 13", "public.orders UPDATE 1");
    assertThat(live).allSatisfy(change -> {
      assertThat(change.lsn()).isPositive();
      assertThat(change.commitTs()).isBetween(liveFrom, Instant.now());
    });
    assertThat(live.get(1).commitTs()).as("one transaction, one commit time")
        .isEqualTo(live.get(3).commitTs());
    assertIncreasingPerKey(changes);

    Change deletedOrder = live.get(5);
    assertThat(deletedOrder.get("customer")).as("REPLICA IDENTITY DEFAULT: the key only").isNull();
    Change deletedCustomer = live.get(3);
    assertThat(deletedCustomer.get("name")).as("REPLICA IDENTITY FULL: every column")
        .isEqualTo("name2");
    assertThat(deletedCustomer.get("customer")).as("a column of the other table").isNull();

    Map<String, Object> typed = snapshot.stream().filter(c -> Long.valueOf(11).equals(c.get("id")))
        .findFirst().orElseThrow().values();
    assertThat(typed).containsEntry("amount", new BigDecimal("1234.56"))
        .containsEntry("qty", (short) 7).containsEntry("ratio", 0.25)
        .containsEntry("weight", 1.5f).containsEntry("paid", true)
        .containsEntry("placed_on", LocalDate.of(2024, 2, 29))
        .containsEntry("placed_at", Instant.parse("2024-02-29T11:34:56.789Z"))
        .containsEntry("local_at", LocalDateTime.parse("2024-02-29T12:34:56.789"))
        .containsEntry("doc", "{\"a\": [1, 2]}").containsEntry("blob", "[1, 2, -1]")
        .containsEntry("note", "short")
        .containsEntry("code", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    Map<String, Object> streamed = live.get(7).values();
    assertThat(streamed).containsEntry("amount", new BigDecimal("-0.01"))
        .containsEntry("placed_at", Instant.parse("1999-12-31T23:59:59.500Z"))
        .containsEntry("local_at", LocalDateTime.parse("1999-12-31T23:59:59.500"))
        .containsEntry("doc", "{}").containsEntry("blob", "[]");

    assertThat(apply(changes, "public.orders", "id", "amount", "qty", "paid"))
        .isEqualTo(table("SELECT id, amount, qty, paid FROM orders"));
    assertThat(apply(changes, "public.customers", "id", "name", "vip"))
        .isEqualTo(table("SELECT id, name, vip FROM customers"));
  }

  @Test
  void restoresFromASavepointWithoutLosingOrRepeatingChanges() throws Exception {
    postgres.execute("CREATE TABLE events (id INT PRIMARY KEY, v INT NOT NULL)");
    for (int i = 1; i <= 5; i++) {
      postgres.execute("INSERT INTO events VALUES (" + i + ", 0)");
    }
    PostgresCdcInput input = input("events_slot", "events");
    RowType type = input.producedType();

    JobClient first = start(input, type, null, 1);
    awaitChanges(5);
    for (int i = 1; i <= 3; i++) {
      postgres.execute("UPDATE events SET v = v + 1 WHERE id = " + i,
          "INSERT INTO events VALUES (" + (10 + i) + ", 1)");
    }
    awaitChanges(11);
    String savepoint = TestJobs.stop(cluster, first, dir.resolve("savepoints").toUri().toString());
    List<Change> firstRun = Change.drain();

    postgres.execute("UPDATE events SET v = v + 10 WHERE id = 1",
        "UPDATE events SET v = v + 10 WHERE id = 2", "DELETE FROM events WHERE id = 5",
        "INSERT INTO events VALUES (20, 2)");
    postgres.execute("UPDATE events SET v = v + 10 WHERE id = 20");
    JobClient second = start(input, type, savepoint, 1);
    postgres.execute("UPDATE events SET v = v + 100 WHERE id = 1",
        "DELETE FROM events WHERE id = 11");
    List<Change> secondRun = awaitChanges(7);
    TestJobs.cancel(second);

    assertThat(firstRun).hasSize(11);
    assertThat(secondRun).extracting(c -> c.op() + " " + c.get("id") + "=" + c.get("v"))
        .containsExactly("UPDATE 1=11", "UPDATE 2=11", "DELETE 5=null", "INSERT 20=2",
            "UPDATE 20=12", "UPDATE 1=111", "DELETE 11=null");
    List<Change> all = new ArrayList<>(firstRun);
    all.addAll(secondRun);
    assertIncreasingPerKey(all);
    assertThat(apply(all, "public.events", "id", "v"))
        .isEqualTo(table("SELECT id, v FROM events"));
  }

  /**
   * After a quiet period a heartbeat stores the last commit's end LSN, which is also where the next
   * transaction's first change is written when nothing else comes in between: restored from there,
   * Debezium 1.9 skipped that change (see {@link CatchUpEmitter}). The changes go through one
   * connection, so the statements after the restore find the catalog in its caches: a new
   * connection reads catalog pages and may prune them, which writes WAL before its change.
   */
  @Test
  void restoresAfterAQuietPeriodWithoutLosingTheNextChange() throws Exception {
    postgres.execute("CREATE TABLE idle (id INT PRIMARY KEY, v INT NOT NULL)",
        "INSERT INTO idle VALUES (1, 0)", "INSERT INTO idle VALUES (2, 0)");
    PostgresCdcInput input = input("idle_slot", "idle").heartbeatInterval(Duration.ofMillis(200));
    RowType type = input.producedType();

    try (Connection writer = postgres.connect(); Statement statement = writer.createStatement()) {
      JobClient first = start(input, type, null, 1);
      awaitChanges(2);
      // one change at a time, so that the stream reader runs before the last commit
      statement.execute("UPDATE idle SET v = 1 WHERE id = 1");
      awaitChanges(3);
      statement.execute("INSERT INTO idle VALUES (3, 1)");
      long lastChange = awaitChanges(4).get(3).lsn();
      // quiet: a heartbeat moves the offset to the last commit, and a checkpoint takes it (the
      // slot's confirmed position is the checkpointed offset's last commit)
      Eventually.until(DEADLINE, "a checkpointed offset past the last change",
          () -> confirmedFlush("idle_slot"), lsn -> lsn > lastChange);
      String savepoint =
          TestJobs.stop(cluster, first, dir.resolve("savepoints").toUri().toString());
      List<Change> firstRun = Change.drain();

      statement.execute("UPDATE idle SET v = 2 WHERE id = 2");
      statement.execute("INSERT INTO idle VALUES (4, 2)");
      JobClient second = start(input, type, savepoint, 1);
      Eventually.until(DEADLINE, "the last change after the restore", PostgresCdcSourceITCase::ops,
          ops -> ops.contains("INSERT 4=2"));
      TestJobs.cancel(second);

      assertThat(firstRun).hasSize(4);
      assertThat(ops()).as("each change after the restore once, in commit order")
          .containsExactly("UPDATE 2=2", "INSERT 4=2");
    }
  }

  @Test
  void readsOnlyNewChangesWithStartupLatest() throws Exception {
    postgres.execute("CREATE TABLE latest (id INT PRIMARY KEY)", "INSERT INTO latest VALUES (1)");
    PostgresCdcInput input = input("latest_slot", "latest").startup(Startup.LATEST);
    JobClient job = start(input, input.producedType(), null, 1);
    Eventually.until(DEADLINE, "the source's slot", postgres::replicationSlots,
        slots -> slots.contains("latest_slot"));
    TestJobs.awaitAllTasksRunning(cluster, job);
    postgres.execute("INSERT INTO latest VALUES (2)", "DELETE FROM latest WHERE id = 1");
    List<Change> changes = awaitChanges(2);
    TestJobs.cancel(job);

    assertThat(changes).extracting(c -> c.op() + " " + c.get("id"))
        .containsExactly("INSERT 2", "DELETE 1");
  }

  @Test
  void logsNoPasswordAtInfo() throws Exception {
    postgres.execute("CREATE TABLE secrets (id INT PRIMARY KEY)", "INSERT INTO secrets VALUES (1)");
    JobClient job = start(input("secrets_slot", "secrets"), input("secrets_slot", "secrets")
        .producedType(), null, 1);
    awaitChanges(1);
    postgres.execute("INSERT INTO secrets VALUES (2)");
    awaitChanges(2);
    TestJobs.cancel(job);

    // log4j2-test.properties sends Flink CDC's and Debezium's INFO lines to this file
    String log = Files.readString(Path.of("target", "cdc-info.log"));
    assertThat(log).contains(" INFO ").doesNotContain(postgres.password());
  }

  private PostgresCdcInput input(String slot, String... tables) {
    return CaptureJobs.input(postgres, slot, tables);
  }

  private JobClient start(PostgresCdcInput input, RowType type, String savepoint, int parallelism)
      throws Exception {
    return CaptureJobs.start(input, type, savepoint, parallelism);
  }

  private static List<Change> awaitChanges(int count) {
    Eventually.until(DEADLINE, count + " change rows", () -> new ArrayList<>(Change.OUTPUT),
        rows -> rows.size() >= count);
    return new ArrayList<>(Change.OUTPUT);
  }

  private static List<String> ops() {
    return CaptureJobs.ops();
  }

  /** The slot's confirmed flush position as a number (comparable with {@code _lsn}). */
  private static long confirmedFlush(String slot) {
    return ((Number) postgres.query("SELECT (confirmed_flush_lsn - '0/0')::bigint FROM"
        + " pg_replication_slots WHERE slot_name = '" + slot + "'").get(0).get(0)).longValue();
  }

  /** For each table and key, the LSNs grow strictly in the order the changes arrived. */
  private static void assertIncreasingPerKey(List<Change> changes) {
    Map<String, Long> last = new HashMap<>();
    for (Change change : changes) {
      String key = change.table() + "/" + change.get("id");
      Long before = last.put(key, change.lsn());
      if (before != null) {
        assertThat(change.lsn()).as("LSN of %s after %s", change, before).isGreaterThan(before);
      }
    }
  }

  /** The table's contents after applying the changes in order: id to the other columns. */
  private static Map<Long, List<Object>> apply(List<Change> changes, String table, String key,
      String... columns) {
    Map<Long, List<Object>> rows = new TreeMap<>();
    for (Change change : changes) {
      if (!change.table().equals(table)) {
        continue;
      }
      long id = ((Number) change.get(key)).longValue();
      if (change.op().equals("DELETE")) {
        rows.remove(id);
      } else {
        List<Object> values = new ArrayList<>();
        for (String column : columns) {
          values.add(normalized(change.get(column)));
        }
        rows.put(id, values);
      }
    }
    return rows;
  }

  /** Integers as Long: JDBC gives an Integer for int2, Flink a Short. */
  private static Object normalized(Object value) {
    return value instanceof Short || value instanceof Integer ? ((Number) value).longValue() : value;
  }

  private static Map<Long, List<Object>> table(String query) {
    Map<Long, List<Object>> rows = new TreeMap<>();
    for (List<Object> row : postgres.query(query)) {
      List<Object> values = new ArrayList<>();
      for (Object value : row.subList(1, row.size())) {
        values.add(normalized(value));
      }
      rows.put(((Number) row.get(0)).longValue(), values);
    }
    return rows;
  }
}
