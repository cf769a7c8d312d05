package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.UpdateListener;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.testing.Eventually;
import io.sluice.testing.postgres.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real PostgreSQL with logical replication: a continuous pipeline captures two
 * tables with read_postgres (the password from a secret file) while the test inserts, updates and
 * deletes; AUTO CDC keeps an SCD type 1 copy of each table and the SCD type 2 history of one.
 * After the writes stop and the pipeline catches up, the copies equal the source tables and the
 * history holds every version; the pipeline is stopped and started again in the middle. Triggered
 * updates read the snapshot, then exactly the changes committed since the previous update, end
 * when there is nothing new, and hand over to a continuous run.
 */
class PostgresCdcITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(12);
  static final Duration WITHIN = Duration.ofMinutes(2);
  @RegisterExtension static final EmbeddedPostgres pg = new EmbeddedPostgres("sluice", "sluice", "pw-7f3a9c1e", 10);

  @TempDir Path dir;



  @Test
  void continuousCaptureOfTwoTablesIntoScd1AndScd2AcrossARestart() throws Exception {
    pg.execute(
        "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, city TEXT)",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer INT, amount NUMERIC(10,2))",
        "INSERT INTO customers VALUES (1, 'Ada', 'Lyon'), (2, 'Bo', 'Porto'), (3, 'Cy', 'Gent')",
        "INSERT INTO orders VALUES (10, 1, 5.50), (11, 2, 7.25)");
    Path secret = dir.resolve("pg-password");
    Files.writeString(secret, pg.password() + "\n");
    PipelineFixture p = CLUSTER.empty(dir.resolve("pg"));
    p.write("pipeline.yaml", "name: pg\nmode: continuous\ncheckpoints: {interval: 500ms}\n"
        + "configuration: {host: \"" + pg.host() + "\", port: \"" + pg.port() + "\", db: \"" + pg.database()
        + "\", user: \"" + pg.user() + "\"}\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE customers_changes AS SELECT * FROM STREAM read_postgres(
          hostname => '${host}', port => '${port}', database => '${db}', table => 'public.customers',
          username => '${user}', password => '${file:SECRET}');
        CREATE STREAMING TABLE orders_changes AS SELECT * FROM STREAM read_postgres(
          hostname => '${host}', port => '${port}', database => '${db}', table => 'public.orders',
          username => '${user}', password => '${file:SECRET}');

        CREATE STREAMING TABLE customers;
        AUTO CDC INTO customers FROM STREAM(customers_changes) KEYS (id)
          APPLY AS DELETE WHEN _op = 'DELETE' SEQUENCE BY _lsn
          COLUMNS * EXCEPT (_op, _lsn, _commit_ts, _table);

        CREATE STREAMING TABLE customers_history;
        AUTO CDC INTO customers_history FROM STREAM(customers_changes) KEYS (id)
          APPLY AS DELETE WHEN _op = 'DELETE' SEQUENCE BY _lsn
          COLUMNS * EXCEPT (_op, _lsn, _commit_ts, _table) STORED AS SCD TYPE 2;

        CREATE STREAMING TABLE orders;
        AUTO CDC INTO orders FROM STREAM(orders_changes) KEYS (id)
          APPLY AS DELETE WHEN _op = 'DELETE' SEQUENCE BY _lsn
          COLUMNS * EXCEPT (_op, _lsn, _commit_ts, _table);
        """.replace("SECRET", secret.toString()));

    PipelineFixture.Continuous run = p.startContinuous(RunOptions.ALL, UpdateListener.NONE);
    awaitCopies(p, "the initial snapshot");
    pg.execute(
        "UPDATE customers SET city = 'Brno' WHERE id = 1",
        "INSERT INTO customers VALUES (4, 'Di', 'Cork')",
        "DELETE FROM customers WHERE id = 2",
        "UPDATE orders SET amount = 9.99 WHERE id = 10",
        "INSERT INTO orders VALUES (12, 4, 1.00)");
    awaitCopies(p, "the first changes");
    UpdateResult stopped = run.stop();
    assertThat(stopped.state()).as(stopped.toString()).isEqualTo("CANCELED");

    pg.execute( // while the pipeline is stopped
        "UPDATE customers SET city = 'Turku' WHERE id = 1",
        "DELETE FROM orders WHERE id = 11",
        "INSERT INTO customers VALUES (2, 'Bo', 'Lisbon')");
    PipelineFixture.Continuous again = p.startContinuous(RunOptions.ALL, UpdateListener.NONE);
    pg.execute("UPDATE customers SET name = 'Cyd' WHERE id = 3", "UPDATE orders SET customer = 3 WHERE id = 12");
    awaitCopies(p, "every change, after the restart");
    assertThat(again.stop().succeeded()).isTrue();

    try (var files = Files.walk(p.folder.resolve("storage/system"))) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json")
          || f.toString().endsWith(".jsonl")).toList()) {
        assertThat(Files.readString(f)).as("the password is in no event or state file: " + f)
            .doesNotContain(pg.password());
      }
    }
    assertThat(history(p)).as("every version of every customer").containsExactlyInAnyOrder(
        "1 Ada Lyon open=false", "1 Ada Brno open=false", "1 Ada Turku open=true",
        "2 Bo Porto open=false", "2 Bo Lisbon open=true",
        "3 Cy Gent open=false", "3 Cyd Gent open=true",
        "4 Di Cork open=true");
  }

  @Test
  void triggeredUpdatesReadTheSnapshotThenExactlyTheChangesSinceThePreviousUpdate() throws Exception {
    pg.execute("CREATE TABLE items (id INT PRIMARY KEY, name TEXT, qty INT)",
        "INSERT INTO items VALUES (1, 'nut', 10), (2, 'bolt', 20), (3, 'gear', 30)");
    Path secret = dir.resolve("pg-password");
    Files.writeString(secret, pg.password());
    PipelineFixture p = CLUSTER.empty(dir.resolve("pgt"));
    p.write("pipeline.yaml", "name: pgt\ncheckpoints: {interval: 500ms}\n"
        + "configuration: {host: \"" + pg.host() + "\", port: \"" + pg.port() + "\", db: \""
        + pg.database() + "\", user: \"" + pg.user() + "\"}\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE items_changes AS SELECT * FROM STREAM read_postgres(
          hostname => '${host}', port => '${port}', database => '${db}', table => 'public.items',
          username => '${user}', password => '${file:SECRET}');

        CREATE STREAMING TABLE items;
        AUTO CDC INTO items FROM STREAM(items_changes) KEYS (id)
          APPLY AS DELETE WHEN _op = 'DELETE' SEQUENCE BY _lsn
          COLUMNS * EXCEPT (_op, _lsn, _commit_ts, _table);
        """.replace("SECRET", secret.toString()));

    UpdateResult first = p.run();
    assertThat(first.succeeded()).as(first.toString()).isTrue();
    assertThat(copy(p, "items")).isEqualTo(source("SELECT id, name, qty FROM items"));
    assertThat(changes(p)).containsExactlyInAnyOrder("INSERT 1 @0", "INSERT 2 @0", "INSERT 3 @0");

    pg.execute("UPDATE items SET qty = 11 WHERE id = 1");
    pg.execute("DELETE FROM items WHERE id = 2");
    pg.execute("INSERT INTO items VALUES (4, 'cog', 40)", "UPDATE items SET name = 'big cog' WHERE id = 4");
    String walAfterChanges = (String) pg.query("SELECT pg_current_wal_lsn()::text").get(0).get(0);
    UpdateResult second = p.run();

    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(copy(p, "items")).isEqualTo(source("SELECT id, name, qty FROM items"));
    List<String> landed = changes(p);
    assertThat(landed).as("each change once").doesNotHaveDuplicates().hasSize(7);
    assertThat(landed.subList(3, 7)).extracting(c -> c.substring(0, c.indexOf(" @")))
        .containsExactly("UPDATE 1", "DELETE 2", "INSERT 4", "UPDATE 4");
    assertThat(PipelineFixture.rowsWritten(second)).containsEntry("items_changes", 4L);
    assertThat((Boolean) pg.query("SELECT bool_and(confirmed_flush_lsn >= '" + walAfterChanges
        + "'::pg_lsn) FROM pg_replication_slots WHERE slot_name LIKE 'sluice_pgt_%'").get(0).get(0))
        .as("the slot no longer holds the WAL of what the update read").isTrue();

    long started = System.nanoTime();
    UpdateResult third = p.run();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(third.succeeded()).as(third.toString()).isTrue();
    assertThat(took).as("an update with nothing new ends promptly").isLessThan(Duration.ofSeconds(60));
    assertThat(PipelineFixture.rowsWritten(third)).containsEntry("items_changes", 0L)
        .containsEntry("items", 0L);
    assertThat(changes(p)).isEqualTo(landed);

    PipelineFixture.Continuous continuous = p.startContinuous(RunOptions.ALL, UpdateListener.NONE);
    pg.execute("UPDATE items SET qty = 33 WHERE id = 3");
    Eventually.until(WITHIN, "the continuous run applies the change made after the updates",
        () -> copy(p, "items"), c -> c.equals(source("SELECT id, name, qty FROM items")));
    assertThat(continuous.stop().state()).isEqualTo("CANCELED");
    assertThat(changes(p)).as("the continuous run starts where the triggered updates stopped")
        .hasSize(8).startsWith(landed.toArray(new String[0]));
  }

  /** The landing table's change rows, "op id @lsn", in LSN order (the snapshot's rows first). */
  @Test
  void oneReaderCapturesTheTablesOfAPatternThatViewsExposeAsTheirOwnDatasets() throws Exception {
    pg.execute("CREATE TABLE shop_users (id INT PRIMARY KEY, name TEXT)",
        "CREATE TABLE shop_carts (id INT PRIMARY KEY, user_id INT, items INT)",
        "INSERT INTO shop_users VALUES (1, 'ann'), (2, 'bob')", "INSERT INTO shop_carts VALUES (7, 1, 3)");
    PipelineFixture p = CLUSTER.empty(dir.resolve("pgm"));
    p.write("pipeline.yaml", "name: pgm\ncheckpoints: {interval: 500ms}\n"
        + "configuration: {host: \"" + pg.host() + "\", port: \"" + pg.port() + "\", db: \""
        + pg.database() + "\", user: \"" + pg.user() + "\", pw: \"" + pg.password() + "\"}\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE shop_changes AS SELECT * FROM STREAM read_postgres(
          hostname => '${host}', port => '${port}', database => '${db}',
          tables => 'public.shop_*', username => '${user}', password => '${pw}');

        CREATE TEMPORARY VIEW user_changes AS SELECT id, name, _op, _lsn FROM STREAM(shop_changes)
          WHERE _table = 'public.shop_users';
        CREATE TEMPORARY VIEW cart_changes AS SELECT id, user_id, items, _op, _lsn FROM STREAM(shop_changes)
          WHERE _table = 'public.shop_carts';

        CREATE STREAMING TABLE users;
        AUTO CDC INTO users FROM STREAM(user_changes) KEYS (id)
          APPLY AS DELETE WHEN _op = 'DELETE' SEQUENCE BY _lsn COLUMNS * EXCEPT (_op, _lsn);
        CREATE STREAMING TABLE carts;
        AUTO CDC INTO carts FROM STREAM(cart_changes) KEYS (id)
          APPLY AS DELETE WHEN _op = 'DELETE' SEQUENCE BY _lsn COLUMNS * EXCEPT (_op, _lsn);
        """);

    UpdateResult first = p.run();
    assertThat(first.succeeded()).as(first.toString()).isTrue();
    assertThat(copy(p, "users")).isEqualTo(source("SELECT id, name FROM shop_users"));
    assertThat(copy(p, "carts")).isEqualTo(source("SELECT id, user_id, items FROM shop_carts"));

    pg.execute("UPDATE shop_users SET name = 'anne' WHERE id = 1", "DELETE FROM shop_users WHERE id = 2",
        "INSERT INTO shop_carts VALUES (8, 1, 1)", "UPDATE shop_carts SET items = 4 WHERE id = 7");
    UpdateResult second = p.run();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(copy(p, "users")).isEqualTo(source("SELECT id, name FROM shop_users"));
    assertThat(copy(p, "carts")).isEqualTo(source("SELECT id, user_id, items FROM shop_carts"));
    assertThat(pg.query("SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'sluice_pgm_%'"))
        .as("one reader: one replication slot for both tables").containsExactly(List.of(1L));
  }

  private static List<String> changes(PipelineFixture p) {
    return p.table("items_changes").rows().stream()
        .sorted(java.util.Comparator.comparing((Map<String, Object> r) -> (Long) r.get("_lsn"))
            .thenComparing(r -> String.valueOf(r.get("id"))))
        .map(r -> r.get("_op") + " " + r.get("id") + " @" + r.get("_lsn"))
        .toList();
  }

  private static void awaitCopies(PipelineFixture p, String what) {
    Eventually.until(WITHIN, "customers equals the source table after " + what,
        () -> copy(p, "customers"), c -> c.equals(source("SELECT id, name, city FROM customers")));
    Eventually.until(WITHIN, "orders equals the source table after " + what,
        () -> copy(p, "orders"), c -> c.equals(source("SELECT id, customer, amount FROM orders")));
  }

  /** key -> the other columns, as text. */
  private static Map<String, String> source(String sql) {
    Map<String, String> out = new TreeMap<>();
    for (List<Object> row : pg.query(sql)) {
      out.put(String.valueOf(row.get(0)), row.subList(1, row.size()).stream().map(PostgresCdcITCase::text)
          .collect(Collectors.joining(" ")));
    }
    return out;
  }

  private static Map<String, String> copy(PipelineFixture p, String table) {
    Map<String, String> out = new TreeMap<>();
    for (Map<String, Object> r : p.table(table).rows()) {
      List<Object> values = new ArrayList<>(r.values());
      out.put(String.valueOf(values.get(0)), values.subList(1, values.size()).stream()
          .map(PostgresCdcITCase::text).collect(Collectors.joining(" ")));
    }
    return out;
  }

  private static String text(Object v) {
    return v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
  }

  private static List<String> history(PipelineFixture p) {
    return p.table("customers_history").rows().stream()
        .map(r -> r.get("id") + " " + r.get("name") + " " + r.get("city") + " open=" + (r.get("__END_AT") == null))
        .toList();
  }
}
