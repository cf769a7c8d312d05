package io.sluice.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AUTO CDC targets, which receive updates and deletes, read by Spark + delta-spark after two
 * triggered runs of the real {@code sluice run}: the SCD type 1 table holds the latest row of each
 * key, the SCD type 2 table every version, and Spark's Delta log checks (checksums fatal) pass.
 */
class CdcSparkITCase {
  @TempDir static Path tmp;
  private static SparkSession spark;
  private static SluiceCli cli;

  @BeforeAll
  static void setUp() {
    Path repoRoot = Path.of(System.getProperty("sluice.repo.root", "..")).toAbsolutePath().normalize();
    cli = new SluiceCli(repoRoot, System.getProperty("sluice.version", "0.1.0-SNAPSHOT"), tmp, Duration.ofMinutes(4));
    spark = LocalSpark.start("sluice-cdc-interop", tmp);
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
    DeltaLog.clearCache();
  }

  @Test
  void sparkReadsScd1AndScd2TablesAfterUpdatesAndDeletes() throws Exception {
    Path p = tmp.resolve("cdc");
    Files.createDirectories(p.resolve("in"));
    Files.writeString(p.resolve("pipeline.yaml"), "name: cdc\n");
    Files.writeString(p.resolve("p.sql"), """
        CREATE STREAMING TABLE changes AS
        SELECT id, seq, op, name FROM STREAM read_files('in', format => 'json',
          schema => 'id INT, seq BIGINT, op STRING, name STRING');
        CREATE STREAMING TABLE people;
        AUTO CDC INTO people FROM STREAM(changes) KEYS (id)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op, seq);
        CREATE STREAMING TABLE people_history;
        AUTO CDC INTO people_history FROM STREAM(changes) KEYS (id)
          APPLY AS DELETE WHEN op = 'DELETE' SEQUENCE BY seq COLUMNS * EXCEPT (op, seq)
          STORED AS SCD TYPE 2;
        """);
    Files.writeString(p.resolve("in/1.json"), """
        {"id": 1, "seq": 1, "op": "UPSERT", "name": "ann"}
        {"id": 2, "seq": 1, "op": "UPSERT", "name": "bob"}
        {"id": 3, "seq": 1, "op": "UPSERT", "name": "cy"}
        """);
    cli.run("run", p.toString());
    Files.writeString(p.resolve("in/2.json"), """
        {"id": 1, "seq": 2, "op": "UPSERT", "name": "anne"}
        {"id": 2, "seq": 3, "op": "DELETE", "name": null}
        {"id": 4, "seq": 1, "op": "UPSERT", "name": "di"}
        """);
    cli.run("run", p.toString());
    DeltaLog.clearCache();

    assertThat(rows("people", "SELECT id, name FROM t ORDER BY id"))
        .containsExactly("1 anne", "3 cy", "4 di");
    assertThat(rows("people_history", "SELECT id, name, __START_AT, __END_AT FROM t ORDER BY id, __START_AT"))
        .containsExactly("1 ann 1 2", "1 anne 2 null", "2 bob 1 3", "3 cy 1 null", "4 di 1 null");
  }

  private static List<String> rows(String table, String sql) {
    spark.read().format("delta").load(tmp.resolve("cdc/storage/tables").resolve(table).toString())
        .createOrReplaceTempView("t");
    return spark.sql(sql).collectAsList().stream().map(CdcSparkITCase::text).toList();
  }

  private static String text(Row r) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < r.length(); i++) {
      out.append(i == 0 ? "" : " ").append(r.isNullAt(i) ? "null" : r.get(i).toString());
    }
    return out.toString();
  }
}
