package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.DatasetQuality;
import io.sluice.runtime.exec.FlowResult;
import io.sluice.runtime.exec.UpdateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Rules files applied by tag (the quality example), and expectations on a temporary view. */
class RulesAndViewsITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(4);

  @TempDir Path dir;

  private static DatasetQuality quality(UpdateResult r, String flow, String dataset) {
    FlowResult f = r.flows().stream().filter(x -> x.flow().equals(flow)).findFirst().orElseThrow();
    return f.quality().stream().filter(q -> q.dataset().equals(dataset)).findFirst().orElseThrow();
  }

  @Test
  void oneRulesFileServesSeveralDatasets() {
    PipelineFixture p = CLUSTER.example("quality", dir.resolve("quality"));
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();

    DatasetQuality clients = quality(r, "clients", "clients");
    assertThat(clients.rowsIn()).isEqualTo(40);
    assertThat(clients.rowsDropped()).isEqualTo(1);
    assertThat(clients.rowsQuarantined()).isEqualTo(4);
    assertThat(clients.checks().stream().collect(Collectors.toMap(DatasetQuality.CheckResult::name,
        DatasetQuality.CheckResult::failed))).containsExactlyInAnyOrderEntriesOf(Map.of(
            "has_client_id", 1L, "email_has_at", 1L, "email_not_truncated", 2L,
            "income_not_placeholder", 2L, "net_worth_in_range", 1L, "onboarded_recently", 1L));
    assertThat(p.table("clients").rows()).hasSize(35);
    assertThat(p.table("clients_quarantine").rows()).extracting(x -> x.get("client_id") + ":" + x.get("_failed_expectations"))
        .containsExactlyInAnyOrder("8:[email_has_at]", "12:[email_not_truncated]", "16:[income_not_placeholder]",
            "32:[income_not_placeholder, email_not_truncated]");
    assertThat(p.table("contact_issues").rows()).hasSize(3);
    assertThat(p.table("contact_list").rows()).hasSize(36);
  }

  @Test
  void expectationsOnATemporaryViewApplyToTheRowsPassingThroughIt() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("views"));
    p.write("pipeline.yaml", "name: views\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE raw AS
        SELECT * FROM STREAM read_files('in', format => 'json', schema => 'id BIGINT, v INT');
        CREATE TEMPORARY VIEW checked (
          CONSTRAINT positive EXPECT (v > 0) ON VIOLATION DROP ROW,
          CONSTRAINT small EXPECT (v < 100) ON VIOLATION QUARANTINE
        ) AS SELECT * FROM STREAM(raw);
        CREATE STREAMING TABLE clean AS SELECT id, v FROM STREAM(checked);
        """);
    p.write("in/a.json", """
        {"id": 1, "v": 5}
        {"id": 2, "v": -1}
        {"id": 3, "v": 500}
        {"id": 4, "v": 50}
        """);
    UpdateResult r = p.run();
    assertThat(r.succeeded()).as(r.toString()).isTrue();
    DatasetQuality view = quality(r, "clean", "checked");
    assertThat(List.of(view.rowsIn(), view.rowsKept(), view.rowsDropped(), view.rowsQuarantined()))
        .containsExactly(4L, 2L, 1L, 1L);
    assertThat(p.table("clean").rows()).extracting(x -> x.get("id")).containsExactlyInAnyOrder(1L, 4L);
    assertThat(p.table("checked_quarantine").rows()).extracting(x -> x.get("id") + "/" + x.get("_flow"))
        .containsExactly("3/clean");
  }
}
