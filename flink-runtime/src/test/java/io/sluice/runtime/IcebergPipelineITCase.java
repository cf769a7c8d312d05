package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.FlowStatus;
import io.sluice.runtime.exec.UpdateResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Datasets stored as Iceberg tables, alone and mixed with Delta, read back with Iceberg's reader. */
class IcebergPipelineITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(4);

  @TempDir Path dir;

  private static String events(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> "{\"id\": " + i + ", \"kind\": \"" + (i % 2 == 0 ? "even" : "odd") + "\", \"n\": " + i + "}")
        .collect(Collectors.joining("\n")) + "\n";
  }

  private static List<Record> read(Path table) throws Exception {
    Table t = new HadoopTables(new org.apache.hadoop.conf.Configuration()).load(table.toUri().toString());
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> it = IcebergGenerics.read(t).build()) {
      it.forEach(out::add);
    }
    return out;
  }

  @Test
  void aPipelineStoredAsIcebergRunsIncrementally() throws Exception {
    PipelineFixture p = CLUSTER.empty(dir.resolve("ice"));
    p.write("pipeline.yaml", "name: ice\nformat: iceberg\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE bronze AS SELECT * FROM STREAM read_files('in', format => 'json');
        CREATE STREAMING TABLE silver AS SELECT id, kind, CAST(n AS SMALLINT) AS small FROM STREAM(bronze) WHERE id >= 2;
        CREATE MATERIALIZED VIEW gold AS SELECT kind, COUNT(*) AS c, SUM(small) AS s FROM silver GROUP BY kind;
        """);
    p.write("in/a.json", events(0, 10));
    UpdateResult first = p.run();
    assertThat(first.succeeded()).as(first.toString()).isTrue();
    Path tables = p.folder.resolve("storage/tables");
    assertThat(read(tables.resolve("bronze"))).hasSize(10);
    assertThat(read(tables.resolve("silver"))).hasSize(8);
    assertThat(PipelineFixture.rowsWritten(first)).containsEntry("bronze", 10L).containsEntry("silver", 8L)
        .containsEntry("gold", 2L);

    p.write("in/b.json", events(10, 14));
    UpdateResult second = p.run();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(PipelineFixture.rowsWritten(second)).containsEntry("bronze", 4L).containsEntry("silver", 4L);
    assertThat(read(tables.resolve("silver"))).hasSize(12);
    assertThat(read(tables.resolve("gold")).stream().map(r -> r.getField("kind") + "=" + r.getField("c") + "/" + r.getField("s"))
        .sorted().toList()).containsExactly("even=6/42", "odd=6/48");

    UpdateResult third = p.run();
    assertThat(PipelineFixture.statuses(third)).containsEntry("gold", FlowStatus.UP_TO_DATE);
    assertThat(PipelineFixture.rowsWritten(third).values()).containsOnly(0L);
  }

  @Test
  void deltaAndIcebergDatasetsFeedEachOther() throws Exception {
    PipelineFixture p = CLUSTER.empty(dir.resolve("mixed"));
    p.write("pipeline.yaml", "name: mixed\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE bronze AS SELECT * FROM STREAM read_files('in', format => 'json');
        CREATE STREAMING TABLE silver USING ICEBERG AS SELECT id, kind FROM STREAM(bronze);
        CREATE MATERIALIZED VIEW gold AS SELECT kind, COUNT(*) AS c FROM silver GROUP BY kind;
        """);
    p.write("in/a.json", events(0, 5));
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();
    assertThat(read(p.folder.resolve("storage/tables/silver"))).hasSize(5);
    assertThat(p.table("gold").rows().stream().map(x -> x.get("kind") + "=" + x.get("c")).sorted().toList())
        .containsExactly("even=3", "odd=2");
  }
}
