package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's tour on a fresh skeleton: init, run, look at the tables, run again. */
class CliITCase {
  @TempDir Path dir;

  @Test
  void initRunTablesShowAndRerun() throws Exception {
    assertThat(CliTest.cli("init", "demo", "--dir", dir.toString()).exit()).isZero();
    String demo = dir.resolve("demo").toString();

    CliTest.Run first = CliTest.cli("run", demo);
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("RUNNING").contains("COMPLETED").contains("raw_events")
        .contains("rows read");

    CliTest.Run tables = CliTest.cli("tables", demo);
    assertThat(tables.out()).containsPattern("raw_events\\s+\\| streaming table\\s+\\| delta\\s+\\| 4 ")
        .containsPattern("events\\s+\\| streaming table\\s+\\| delta\\s+\\| 3 ")
        .containsPattern("actions_per_user\\s+\\| materialized view \\| delta\\s+\\| 3 ");

    CliTest.Run show = CliTest.cli("show", demo, "actions_per_user");
    assertThat(show.exit()).isZero();
    assertThat(show.out()).contains("user_id").contains("u1").contains("19.5").contains("3 row(s)");

    Files.writeString(dir.resolve("demo/data/events/events-0002.json"),
        "{\"event_id\": 9, \"user_id\": \"u9\", \"action\": \"buy\", \"amount\": 1.0}\n");
    CliTest.Run second = CliTest.cli("run", demo);
    assertThat(second.exit()).isZero();
    assertThat(CliTest.cli("show", demo, "events", "--limit", "100").out()).contains("4 row(s)").contains("u9");
    assertThat(CliTest.cli("show", demo, "nope").exit()).isEqualTo(1);
  }
}
