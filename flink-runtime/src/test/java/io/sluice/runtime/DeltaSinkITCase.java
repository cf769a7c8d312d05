package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.exec.UpdateResult;
import io.sluice.runtime.plan.RunOptions;
import io.sluice.testing.DeltaReader;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A Delta sink: an external table fed by append flows, never cleared by a full refresh. */
class DeltaSinkITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(4);

  @TempDir Path dir;

  @Test
  void flowsAppendToTheSinkAndFullRefreshDoesNotClearIt() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("p"));
    p.write("pipeline.yaml", "name: exporter\n");
    p.write("p.sql", """
        CREATE STREAMING TABLE events AS
        SELECT * FROM STREAM read_files('in', format => 'json', schema => 'id BIGINT, kind STRING');
        CREATE SINK export USING delta OPTIONS ('path' = '../exported');
        CREATE FLOW to_export AS INSERT INTO export BY NAME
        SELECT id, UPPER(kind) AS kind FROM STREAM(events) WHERE kind <> 'noise';
        """);
    p.write("in/a.json", "{\"id\": 1, \"kind\": \"click\"}\n{\"id\": 2, \"kind\": \"noise\"}\n");
    UpdateResult first = p.run();
    assertThat(first.succeeded()).as(first.toString()).isTrue();
    DeltaReader sink = DeltaReader.of(dir.resolve("exported"));
    assertThat(sink.rows()).extracting(r -> r.get("kind")).containsExactly("CLICK");

    p.write("in/b.json", "{\"id\": 3, \"kind\": \"view\"}\n");
    assertThat(p.run().succeeded()).isTrue();
    assertThat(sink.rows()).hasSize(2);

    UpdateResult alone = p.run(new RunOptions(Set.of(), Set.of("events"), false));
    assertThat(alone.succeeded()).isFalse();
    assertThat(alone.problems()).extracting(Problem::code).containsExactly(ErrorCode.FULL_REFRESH_NOT_ALLOWED);
    assertThat(alone.problems().get(0).action()).contains("--full-refresh events,export");

    UpdateResult refreshed = p.run(new RunOptions(Set.of(), Set.of(), true));
    assertThat(refreshed.succeeded()).as(refreshed.toString()).isTrue();
    assertThat(p.table("events").rows()).hasSize(3);
    assertThat(sink.rows()).as("a full refresh keeps the sink's rows and delivers them again")
        .extracting(r -> r.get("kind")).containsExactlyInAnyOrder("CLICK", "VIEW", "CLICK", "VIEW");
  }
}
