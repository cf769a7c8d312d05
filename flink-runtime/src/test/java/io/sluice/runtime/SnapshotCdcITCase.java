package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.UpdateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * AUTO CDC FROM SNAPSHOT over several triggered updates: a table read whole at each update (its
 * versions are the updates' times) and a versioned series of snapshot files, into SCD type 1 and
 * type 2 targets read back with Delta Kernel.
 */
class SnapshotCdcITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(6);

  @TempDir Path dir;

  @Test
  void aTableReadWholeAtEachUpdateIsDiffedIntoScd1AndScd2() throws Exception {
    PipelineFixture p = CLUSTER.empty(dir.resolve("periodic"));
    p.write("pipeline.yaml", "name: periodic\n");
    p.write("p.sql", """
        CREATE MATERIALIZED VIEW crm AS SELECT * FROM read_files('crm', format => 'csv',
          schema => 'id INT, name STRING, city STRING');
        CREATE STREAMING TABLE customers;
        AUTO CDC INTO customers FROM SNAPSHOT crm KEYS (id);
        CREATE STREAMING TABLE customers_history;
        AUTO CDC INTO customers_history FROM SNAPSHOT crm KEYS (id) STORED AS SCD TYPE 2;
        """);
    p.write("crm/1.csv", "id,name,city\n1,ann,Oslo\n2,bob,Rome\n3,cy,Lima\n");
    run(p);
    assertThat(current(p)).containsExactly("1 ann Oslo", "2 bob Rome", "3 cy Lima");
    assertThat(history(p)).containsExactly("1 ann Oslo v1-", "2 bob Rome v1-", "3 cy Lima v1-");

    // 2 moves, 3 is gone, 4 is new, 1 is unchanged
    Files.delete(p.folder.resolve("crm/1.csv"));
    p.write("crm/2.csv", "id,name,city\n1,ann,Oslo\n2,bob,Nice\n4,dee,Kyiv\n");
    run(p);
    assertThat(current(p)).containsExactly("1 ann Oslo", "2 bob Nice", "4 dee Kyiv");
    assertThat(history(p)).containsExactly("1 ann Oslo v1-", "2 bob Nice v2-", "2 bob Rome v1-v2",
        "3 cy Lima v1-v2", "4 dee Kyiv v2-");

    // the same snapshot again changes nothing; then 3 comes back
    run(p);
    assertThat(history(p)).hasSize(5);
    p.write("crm/3.csv", "id,name,city\n3,cy,Lima\n");
    run(p);
    assertThat(current(p)).containsExactly("1 ann Oslo", "2 bob Nice", "3 cy Lima", "4 dee Kyiv");
    // v3 is the fourth update's time: the third one changed nothing, so its time is in no row
    assertThat(history(p)).containsExactly("1 ann Oslo v1-", "2 bob Nice v2-", "2 bob Rome v1-v2",
        "3 cy Lima v1-v2", "3 cy Lima v3-", "4 dee Kyiv v2-");
  }

  @Test
  void aVersionedSeriesOfSnapshotFilesIsAppliedInVersionOrder() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("series"));
    p.write("pipeline.yaml", "name: series\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE price_snapshots AS SELECT * FROM STREAM read_files('prices', format => 'csv',
          schema => 'version INT, sku STRING, price INT');
        CREATE STREAMING TABLE prices;
        AUTO CDC INTO prices FROM SNAPSHOT STREAM(price_snapshots) KEYS (sku) SEQUENCE BY version
          COLUMNS * EXCEPT (version) STORED AS SCD TYPE 2;
        """);
    // two snapshots in one update, delivered in one file out of order
    p.write("prices/a.csv", "version,sku,price\n2,a,11\n1,a,10\n1,b,20\n2,c,30\n");
    run(p);
    assertThat(prices(p)).containsExactly("a 10 1-2", "a 11 2-", "b 20 1-2", "c 30 2-");

    // version 3 in a later update; version 1 delivered again is ignored
    p.write("prices/b.csv", "version,sku,price\n3,a,11\n3,b,21\n1,z,99\n");
    run(p);
    assertThat(prices(p)).containsExactly("a 10 1-2", "a 11 2-", "b 20 1-2", "b 21 3-", "c 30 2-3");
  }

  private static void run(PipelineFixture p) {
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();
  }

  private static List<String> current(PipelineFixture p) {
    return p.table("customers").rows().stream()
        .map(r -> r.get("id") + " " + r.get("name") + " " + r.get("city")).sorted().toList();
  }

  /** Versions as v1, v2, ... in the order of the distinct __START_AT / __END_AT times. */
  private static List<String> history(PipelineFixture p) {
    List<Map<String, Object>> rows = p.table("customers_history").rows();
    List<Object> times = new ArrayList<>(rows.stream().flatMap(r -> java.util.stream.Stream.of(
        r.get("__START_AT"), r.get("__END_AT"))).filter(java.util.Objects::nonNull).distinct()
        .map(t -> (Object) t.toString()).sorted().toList());
    return rows.stream().map(r -> r.get("id") + " " + r.get("name") + " " + r.get("city") + " v"
        + (times.indexOf(r.get("__START_AT").toString()) + 1) + "-"
        + (r.get("__END_AT") == null ? "" : "v" + (times.indexOf(r.get("__END_AT").toString()) + 1)))
        .sorted().toList();
  }

  private static List<String> prices(PipelineFixture p) {
    return p.table("prices").rows().stream().map(r -> r.get("sku") + " " + r.get("price") + " "
        + r.get("__START_AT") + "-" + (r.get("__END_AT") == null ? "" : r.get("__END_AT"))).sorted().toList();
  }
}
