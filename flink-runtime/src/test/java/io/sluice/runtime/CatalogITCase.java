package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.exec.UpdateResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One pipeline reads another's published tables by name through a shared catalog folder. */
class CatalogITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(4);

  @TempDir Path dir;

  @Test
  void aPipelineReadsTablesAnotherOnePublished() {
    PipelineFixture sales = CLUSTER.empty(dir.resolve("sales"));
    sales.write("pipeline.yaml", "name: sales\ncatalog: ../lake\ndatabase: shop\n");
    sales.write("p.sql", """
        CREATE STREAMING TABLE orders AS
        SELECT * FROM STREAM read_files('in', format => 'json', schema => 'id BIGINT, amount DOUBLE');
        CREATE PRIVATE MATERIALIZED VIEW internal_only AS SELECT COUNT(*) AS n FROM orders;
        """);
    sales.write("in/a.json", "{\"id\": 1, \"amount\": 5.0}\n{\"id\": 2, \"amount\": 7.5}\n");

    PipelineFixture reports = CLUSTER.empty(dir.resolve("reports"));
    reports.write("pipeline.yaml", "name: reports\ncatalog: ../lake\n");
    reports.write("p.sql", """
        CREATE MATERIALIZED VIEW revenue AS SELECT SUM(amount) AS total FROM shop.orders;
        CREATE STREAMING TABLE order_copy AS SELECT id FROM STREAM(shop.orders);
        """);

    UpdateResult early = reports.run();
    assertThat(early.succeeded()).isFalse();
    assertThat(early.problems()).extracting(Problem::code).contains(ErrorCode.UNKNOWN_REFERENCE);

    assertThat(sales.run().succeeded()).isTrue();
    assertThat(dir.resolve("lake/shop/orders.json")).exists();
    assertThat(dir.resolve("lake/shop/internal_only.json")).doesNotExist();

    UpdateResult read = reports.run();
    assertThat(read.succeeded()).as(read.toString()).isTrue();
    assertThat(reports.table("revenue").rows().get(0).get("total")).isEqualTo(12.5);
    assertThat(reports.table("order_copy").rows()).hasSize(2);

    sales.write("in/b.json", "{\"id\": 3, \"amount\": 1.0}\n");
    assertThat(sales.run().succeeded()).isTrue();
    assertThat(reports.run().succeeded()).isTrue();
    assertThat(reports.table("order_copy").rows()).hasSize(3);
    assertThat(reports.table("revenue").rows().get(0).get("total")).isEqualTo(13.5);
  }
}
