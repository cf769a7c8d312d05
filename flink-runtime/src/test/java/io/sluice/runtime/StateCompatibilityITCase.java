package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.exec.UpdateResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator UIDs derive from each flow's own name and definition: editing one flow's query neither
 * resets the other flows nor makes the edited flow re-read what it already processed.
 */
class StateCompatibilityITCase {
  @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster(4);

  @TempDir Path dir;

  private static String events(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "{\"id\": " + i + ", \"x\": " + (i % 10) + "}")
        .collect(Collectors.joining("\n")) + "\n";
  }

  private static String definitions(String bronzeFilter, String silverFilter) {
    return "CREATE STREAMING TABLE bronze AS SELECT id, x FROM STREAM read_files('in', format => 'json')"
        + " WHERE " + bronzeFilter + ";\n"
        + "CREATE STREAMING TABLE silver AS SELECT id, x FROM STREAM(bronze) WHERE " + silverFilter + ";\n";
  }

  @Test
  void editingQueriesKeepsEveryFlowsProgress() {
    PipelineFixture p = CLUSTER.empty(dir.resolve("edit"));
    p.write("pipeline.yaml", "name: edit\n");
    p.write("defs.sql", definitions("id >= 0", "x >= 0"));
    p.write("in/f1.json", events(0, 10));
    UpdateResult first = p.run();
    assertThat(first.succeeded()).as(first.toString()).isTrue();
    assertThat(PipelineFixture.rowsWritten(first)).isEqualTo(Map.of("bronze", 10L, "silver", 10L));

    // Both queries change (bronze's result does not); a new file arrives.
    p.write("defs.sql", definitions("id >= 0 AND x >= 0", "x > 5"));
    p.write("in/f2.json", events(10, 20));
    UpdateResult second = p.run();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(PipelineFixture.rowsWritten(second)).isEqualTo(Map.of("bronze", 10L, "silver", 4L));

    List<Long> silverIds = p.table("silver").rows().stream().map(r -> (Long) r.get("id")).sorted().toList();
    List<Long> expected = new java.util.ArrayList<>(IntStream.range(0, 10).mapToObj(i -> (long) i).toList());
    expected.addAll(List.of(16L, 17L, 18L, 19L));
    assertThat(silverIds).isEqualTo(expected);
    assertThat(p.table("bronze").rows()).hasSize(20);
  }
}
