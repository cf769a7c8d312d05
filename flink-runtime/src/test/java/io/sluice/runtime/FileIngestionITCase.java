package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.UpdateResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** File ingestion end to end: legacy cloud_files, declared columns as the read schema, partitions. */
class FileIngestionITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(4);

  @TempDir Path dir;

  @Test
  void reservedWordsGetAnActionableError() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("reserved"));
    p.write("pipeline.yaml", "name: reserved\n");
    p.write("p.sql", "CREATE MATERIALIZED VIEW v AS SELECT day FROM (VALUES (1)) AS t(`day`);\n");
    UpdateResult r = p.run();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.problems().get(0).location().toString()).isEqualTo("p.sql:1:38");
    assertThat(r.problems().get(0).action()).contains("reserved word").contains("`day`");
  }

  @Test
  void legacyCloudFilesAndDeclaredColumnsWithPartitions() throws Exception {
    PipelineFixture p = CLUSTER.empty(dir.resolve("files"));
    p.write("pipeline.yaml", "name: files\n");
    p.write("legacy.sql", """
        CREATE OR REFRESH STREAMING LIVE TABLE raw_csv
        AS SELECT * FROM cloud_files('csv', 'csv', map('header', 'true'));

        CREATE OR REFRESH STREAMING LIVE TABLE typed (
          id BIGINT NOT NULL,
          amount DECIMAL(10, 2),
          day DATE,
          _rescued_data STRING,
          CONSTRAINT positive EXPECT (amount > 0)
        )
        PARTITIONED BY (day)
        AS SELECT * FROM STREAM read_files('json', format => 'json');

        CREATE LIVE TABLE per_day AS SELECT `day`, COUNT(*) AS n FROM LIVE.typed GROUP BY `day`;
        """);
    p.write("csv/a.csv", "k,v\na,1\nb,2\n");
    p.write("json/a.json", """
        {"id": 1, "amount": 10.5, "day": "2026-01-01"}
        {"id": 2, "amount": "lots", "day": "2026-01-01"}
        {"id": 3, "amount": 3, "day": "2026-01-02", "note": "extra"}
        """);
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();

    assertThat(p.table("raw_csv").rows()).extracting(x -> x.get("k") + "=" + x.get("v"))
        .containsExactlyInAnyOrder("a=1", "b=2");

    List<Map<String, Object>> typed = p.table("typed").rows();
    assertThat(typed).hasSize(3);
    Map<String, Object> two = typed.stream().filter(x -> Long.valueOf(2).equals(x.get("id"))).findFirst().orElseThrow();
    assertThat(two.get("amount")).isNull();
    assertThat((String) two.get("_rescued_data")).contains("\"amount\":\"lots\"");
    Map<String, Object> three = typed.stream().filter(x -> Long.valueOf(3).equals(x.get("id"))).findFirst().orElseThrow();
    assertThat(three.get("amount")).isEqualTo(new BigDecimal("3.00"));
    assertThat(three.get("day")).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat((String) three.get("_rescued_data")).contains("\"note\":\"extra\"");
    assertThat(Files.list(p.folder.resolve("storage/tables/typed")).map(x -> x.getFileName().toString()))
        .contains("day=2026-01-01", "day=2026-01-02");
    assertThat(p.table("per_day").rows()).extracting(x -> x.get("day") + ":" + x.get("n"))
        .containsExactlyInAnyOrder("2026-01-01:2", "2026-01-02:1");
  }

  @Test
  void viewsOverDifferentFilesJoinedInOneFlowEachReadTheirOwnFiles() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("views"));
    p.write("pipeline.yaml", "name: views\n");
    // both views' reads are placeholder __files_1 in their own query
    p.write("p.sql", """
        CREATE TEMPORARY VIEW names AS SELECT * FROM read_files('names', format => 'json',
          schema => 'id INT, name STRING');
        CREATE TEMPORARY VIEW cities AS SELECT * FROM read_files('cities', format => 'json',
          schema => 'id INT, city STRING');
        CREATE MATERIALIZED VIEW people AS SELECT n.id, n.name, c.city FROM names n JOIN cities c ON n.id = c.id;
        CREATE STREAMING TABLE streamed AS SELECT n.id, n.name FROM STREAM(names) n
          UNION ALL SELECT c.id, c.city FROM STREAM(cities) c;
        """);
    p.write("names/1.json", "{\"id\": 1, \"name\": \"ann\"}\n{\"id\": 2, \"name\": \"bob\"}\n");
    p.write("cities/1.json", "{\"id\": 1, \"city\": \"Oslo\"}\n{\"id\": 2, \"city\": \"Rome\"}\n");
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();
    assertThat(p.table("people").rows().stream().map(row -> row.get("id") + " " + row.get("name") + " "
        + row.get("city")).sorted().toList()).containsExactly("1 ann Oslo", "2 bob Rome");
    assertThat(p.table("streamed").rows().stream().map(row -> row.get("id") + " " + row.get("name"))
        .sorted().toList()).containsExactly("1 Oslo", "1 ann", "2 Rome", "2 bob");
  }
}
