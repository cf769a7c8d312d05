package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testing.DeltaReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ON VIOLATION FAIL UPDATE: the run exits non-zero naming the expectation, the dataset and the
 * row, and the table is exactly as it was before the update, even though checkpoints completed
 * before the bad row arrived. The next update starts again from before the failed one.
 */
class FailUpdateITCase {
  @TempDir Path dir;

  private static String orders(int from, int to, int bad) {
    return IntStream.range(from, to)
        .mapToObj(i -> "{\"id\": " + i + ", \"amount\": " + (i == bad ? -5 : i) + "}")
        .collect(Collectors.joining("\n")) + "\n";
  }

  @Test
  void failUpdateLeavesTheTableAsItWasAndSaysWhy() throws Exception {
    Path p = dir.resolve("shop");
    Files.createDirectories(p.resolve("in"));
    Files.writeString(p.resolve("pipeline.yaml"), """
        name: shop
        flink:
          execution.checkpointing.interval: 100ms
          parallelism.default: 1
        """);
    Files.writeString(p.resolve("orders.sql"), """
        CREATE STREAMING TABLE orders (
          CONSTRAINT non_negative EXPECT (amount >= 0) ON VIOLATION FAIL UPDATE
        )
        AS SELECT * FROM STREAM read_files('in', format => 'json', schema => 'id BIGINT, amount INT',
                                           maxFilesPerTrigger => 1);
        """);
    Files.writeString(p.resolve("in/a-001.json"), orders(0, 10, -1));
    assertThat(CliTest.cli("run", p.toString()).exit()).isZero();
    DeltaReader table = DeltaReader.of(p.resolve("storage/tables/orders"));
    long version = table.version();
    List<Map<String, Object>> before = table.rows();

    for (int f = 2; f <= 6; f++) {
      Files.writeString(p.resolve(String.format("in/a-%03d.json", f)), orders(f * 10, f * 10 + 10, -1));
    }
    Files.writeString(p.resolve("in/a-007.json"), orders(70, 80, 74));
    CliTest.Run failed = CliTest.cli("run", p.toString());
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.out()).contains("FAILED").contains("non_negative").contains("'orders'")
        .contains("id=74").contains("amount=-5");
    assertThat(table.version()).as("nothing of the failed update is visible").isEqualTo(version);
    assertThat(table.rows()).containsExactlyInAnyOrderElementsOf(before);

    CliTest.Run again = CliTest.cli("run", p.toString());
    assertThat(again.exit()).as("the bad row is still there").isEqualTo(1);
    assertThat(table.version()).isEqualTo(version);

    Files.delete(p.resolve("in/a-007.json"));
    CliTest.Run fixed = CliTest.cli("run", p.toString());
    assertThat(fixed.exit()).as(fixed.out()).isZero();
    assertThat(table.rows()).hasSize(60);
  }
}
