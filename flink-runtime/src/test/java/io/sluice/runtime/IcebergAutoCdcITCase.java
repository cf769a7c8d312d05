package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.AutoCdcITCase.Event;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AUTO CDC into targets stored as Iceberg: the same random change events (inserts, updates,
 * deletes, duplicates, out of order, over several triggered runs) go into SCD type 1 and 2 targets
 * stored as Delta and as Iceberg; the Iceberg tables, read with Iceberg's own generic reader, hold
 * after every run what the Delta tables hold, and at the end what the reference model of {@link
 * AutoCdcITCase} computes. A full refresh starts the Iceberg targets from empty tables.
 */
class IcebergAutoCdcITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(6);
  static final int RUNS = 3;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {5, 6})
  void icebergTargetsHoldWhatDeltaTargetsHoldAfterEveryRunAndAfterAFullRefresh(long seed) {
    PipelineFixture p = CLUSTER.empty(dir.resolve("cdc"));
    p.write("pipeline.yaml", "name: cdc\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE changes AS
        SELECT k, seq, op, a, b FROM STREAM read_files('in', format => 'json',
          schema => 'k INT, seq BIGINT, op STRING, a INT, b STRING');

        CREATE STREAMING TABLE scd1;
        CREATE FLOW to_scd1 AS AUTO CDC INTO scd1 FROM STREAM(changes) KEYS (k)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op);
        CREATE OR REFRESH STREAMING TABLE scd1_ice USING ICEBERG;
        CREATE FLOW to_scd1_ice AS AUTO CDC INTO scd1_ice FROM STREAM(changes) KEYS (k)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op);

        CREATE STREAMING TABLE scd2;
        CREATE FLOW to_scd2 AS AUTO CDC INTO scd2 FROM STREAM(changes) KEYS (k)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op, seq)
          STORED AS SCD TYPE 2;
        CREATE OR REFRESH STREAMING TABLE scd2_ice USING ICEBERG;
        CREATE FLOW to_scd2_ice AS AUTO CDC INTO scd2_ice FROM STREAM(changes) KEYS (k)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op, seq)
          STORED AS SCD TYPE 2;
        """);
    Random random = new Random(seed);
    List<Event> events = AutoCdcITCase.events(random);
    List<Event> delivered = new ArrayList<>(events);
    for (int i = 0; i < events.size() / 10; i++) {
      delivered.add(events.get(random.nextInt(events.size()))); // duplicates
    }
    Collections.shuffle(delivered, random); // out of order, also across runs
    int perRun = (delivered.size() + RUNS - 1) / RUNS;
    for (int run = 0; run < RUNS; run++) {
      int end = Math.min(delivered.size(), (run + 1) * perRun);
      p.write("in/run" + run + ".json", AutoCdcITCase.json(delivered.subList(run * perRun, end)));
      UpdateResult r = p.run();
      assertThat(r.succeeded()).as(r.toString()).isTrue();

      String at = "seed " + seed + ", run " + run;
      assertThat(scd1(iceberg(p, "scd1_ice"))).as("SCD type 1 in Iceberg, " + at).isEqualTo(scd1(p.table("scd1").rows()))
          .isEqualTo(AutoCdcITCase.referenceScd1(delivered.subList(0, end)));
      assertThat(scd2(iceberg(p, "scd2_ice"))).as("SCD type 2 in Iceberg, " + at).isEqualTo(scd2(p.table("scd2").rows()))
          .isEqualTo(AutoCdcITCase.referenceScd2(new ArrayList<>(delivered.subList(0, end))));
      for (String flow : List.of("to_scd1_ice", "to_scd2_ice")) {
        FlowResult f = flow(r, flow);
        assertThat(f.rowsWritten()).as("rows written by %s are the rows upserted, %s", flow, at)
            .isEqualTo(f.changes().upserted()).isPositive();
      }
    }
    assertThat(snapshotSummary(p, "scd1_ice").get("total-equality-deletes"))
        .as("updates and deletes of rows committed by earlier runs are equality deletes")
        .isNotNull().isNotEqualTo("0");

    UpdateResult refreshed = p.run(new RunOptions(Set.of(), Set.of("scd1_ice", "scd2_ice"), false));
    assertThat(refreshed.succeeded()).as(refreshed.toString()).isTrue();
    assertThat(scd1(iceberg(p, "scd1_ice"))).as("SCD type 1 in Iceberg after a full refresh")
        .isEqualTo(AutoCdcITCase.referenceScd1(events));
    assertThat(scd2(iceberg(p, "scd2_ice"))).as("SCD type 2 in Iceberg after a full refresh")
        .isEqualTo(AutoCdcITCase.referenceScd2(events));
    assertThat(org.apache.iceberg.TableUtil.formatVersion(load(p, "scd1_ice"))).isEqualTo(2);
    assertThat(flow(refreshed, "to_scd1_ice").rowsWritten()).as("a full refresh rewrites from an empty table")
        .isEqualTo(flow(refreshed, "to_scd1_ice").changes().upserted());
  }

  @Test
  void keysIcebergCannotDeleteByAndFormatVersion1AreProblemsOfTheFlow() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("bad"));
    p.write("pipeline.yaml", "name: bad\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE changes AS
        SELECT k, seq, x FROM STREAM read_files('in', format => 'json',
          schema => 'k INT, seq BIGINT, x DOUBLE');
        CREATE STREAMING TABLE by_double USING ICEBERG;
        CREATE FLOW to_by_double AS AUTO CDC INTO by_double FROM STREAM(changes) KEYS (x)
          SEQUENCE BY seq;
        CREATE STREAMING TABLE old_format USING ICEBERG TBLPROPERTIES ('format-version' = '1');
        CREATE FLOW to_old_format AS AUTO CDC INTO old_format FROM STREAM(changes) KEYS (k)
          SEQUENCE BY seq;
        """);
    p.write("in/1.json", "{\"k\": 1, \"seq\": 1, \"x\": 0.5}\n");

    UpdateResult r = p.run();

    assertThat(r.succeeded()).isFalse();
    assertThat(r.problems()).filteredOn(x -> x.code() == ErrorCode.FLOW_TARGET_NOT_WRITABLE)
        .extracting(Problem::message).containsExactlyInAnyOrder(
            "Cannot apply the changes of flow 'to_by_double': Iceberg deletes rows by primitive columns "
                + "other than FLOAT and DOUBLE, and 'x' is DOUBLE",
            "Cannot apply the changes of flow 'to_old_format': Iceberg format version 1 has no row-level deletes");
  }

  private static FlowResult flow(UpdateResult r, String name) {
    return r.flows().stream().filter(f -> f.flow().equals(name)).findFirst().orElseThrow();
  }

  private static Table load(PipelineFixture p, String name) {
    return new HadoopTables(new org.apache.hadoop.conf.Configuration())
        .load(p.folder.resolve("storage/tables").resolve(name).toUri().toString());
  }

  private static Map<String, String> snapshotSummary(PipelineFixture p, String name) {
    return load(p, name).currentSnapshot().summary();
  }

  /** Every row of the table's current snapshot, through Iceberg's generic reader (deletes applied). */
  private static List<Map<String, Object>> iceberg(PipelineFixture p, String name) {
    Table table = load(p, name);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        Map<String, Object> row = new TreeMap<>();
        table.schema().columns().forEach(c -> row.put(c.name(), record.getField(c.name())));
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Map<Integer, String> scd1(List<Map<String, Object>> rows) {
    Map<Integer, String> out = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      assertThat(out.put((Integer) r.get("k"), r.get("seq") + "/" + r.get("a") + "/" + r.get("b")))
          .as("one row per key").isNull();
    }
    return out;
  }

  private static List<String> scd2(List<Map<String, Object>> rows) {
    Function<Map<String, Object>, String> version = r -> r.get("k") + "/" + r.get("a") + "/" + r.get("b") + "/"
        + r.get("__START_AT") + "/" + Objects.toString(r.get("__END_AT"));
    return rows.stream().map(version).sorted().toList();
  }
}
