package io.sluice.connectors.cdc.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.connectors.progress.PublishGate;
import io.sluice.testing.Eventually;
import io.sluice.testing.flink.TestJobs;
import io.sluice.testing.postgres.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggered runs of the source on a real PostgreSQL, as the driver runs them: the job starts
 * (from the last savepoint), the source marks its catch-up, the driver opens the publish gate and
 * stops the job with a savepoint. Checked: what was emitted when the marker appeared, that each
 * change is read once across runs, that a run with nothing new still catches up, that the slot's
 * confirmed position moves only with a checkpoint the gate lets through, and that a continuous
 * job restores a triggered run's savepoint.
 */
class TriggeredRunsITCase {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  @RegisterExtension static final EmbeddedPostgres postgres = new EmbeddedPostgres();

  @TempDir Path dir;
  private MiniCluster cluster;

  @BeforeEach
  void setUp(@InjectMiniCluster MiniCluster miniCluster) {
    cluster = miniCluster;
    Change.OUTPUT.clear();
  }

  @Test
  void eachRunReadsWhatWasCommittedBeforeItAndTheNextContinuesAfter() throws Exception {
    postgres.execute("CREATE TABLE items (id INT PRIMARY KEY, v INT NOT NULL)");
    for (int i = 1; i <= 5; i++) {
      postgres.execute("INSERT INTO items VALUES (" + i + ", 0)");
    }
    PostgresCdcInput input = input("items_slot", "items");
    RowType type = input.producedType();

    // run 1: the snapshot
    JobClient first = start(input, type, null, "run-1", 2);
    List<String> atFirstMark = awaitMarked("run-1");
    String savepoint1 = stop(first, "run-1");
    List<String> firstRun = drainedOps();
    String slotAfterFirst = confirmedFlush("items_slot");

    // run 2: changes made while no job runs, one of them in a transaction with a user's message
    postgres.execute("UPDATE items SET v = 1 WHERE id = 1", "DELETE FROM items WHERE id = 2",
        "INSERT INTO items VALUES (6, 6)");
    postgres.execute("SELECT pg_logical_emit_message(true, 'app', 'not a change')",
        "UPDATE items SET v = 3 WHERE id = 3");
    String walAfterChanges = currentWal();
    JobClient second = start(input, type, savepoint1, "run-2", 1);
    List<String> atSecondMark = awaitMarked("run-2");
    String savepoint2 = stop(second, "run-2");
    List<String> secondRun = drainedOps();

    // run 3: nothing new; its gate stays closed, so the slot must not move
    String slotBeforeThird = confirmedFlush("items_slot");
    JobClient third = start(input, type, savepoint2, "run-3", 1);
    awaitMarked("run-3");
    String savepoint3 = TestJobs.stop(cluster, third, dir.resolve("savepoints").toUri().toString());
    List<String> thirdRun = drainedOps();
    String slotAfterThird = confirmedFlush("items_slot");

    // then a continuous job (no marker, every checkpoint commits) from the triggered savepoint
    postgres.execute("UPDATE items SET v = 4 WHERE id = 4");
    JobClient continuous = start(input, type, savepoint3, null, 1);
    Eventually.until(DEADLINE, "the change made after run 3", TriggeredRunsITCase::ops,
        ops -> !ops.isEmpty());
    TestJobs.cancel(continuous);
    List<String> continuousRun = drainedOps();

    assertThat(atFirstMark).as("marked once the snapshot was emitted")
        .containsExactlyInAnyOrder("INSERT 1=0", "INSERT 2=0", "INSERT 3=0", "INSERT 4=0",
            "INSERT 5=0");
    assertThat(firstRun).isEqualTo(atFirstMark);
    assertThat(atSecondMark).as("marked once every change before the run was emitted, in order")
        .containsExactly("UPDATE 1=1", "DELETE 2=null", "INSERT 6=6", "UPDATE 3=3");
    assertThat(secondRun).as("each change once").isEqualTo(atSecondMark);
    assertThat(compare(slotAfterFirst, ">", "0/0")).isTrue();
    assertThat(compare(confirmedFlushOrNull("items_slot"), ">=", walAfterChanges))
        .as("the slot moved past the changes with the run's savepoint").isTrue();
    assertThat(compare(slotBeforeThird, ">=", walAfterChanges)).isTrue();
    assertThat(thirdRun).as("a run with nothing new reads nothing and still ends").isEmpty();
    assertThat(slotAfterThird).as("a closed gate does not move the slot").isEqualTo(slotBeforeThird);
    assertThat(continuousRun).containsExactly("UPDATE 4=4");
  }

  @Test
  void aRunWithoutChangesCatchesUpWhileOtherTablesChange() throws Exception {
    postgres.execute("CREATE TABLE quiet (id INT PRIMARY KEY)", "CREATE TABLE busy (id INT PRIMARY KEY)",
        "INSERT INTO quiet VALUES (1)");
    PostgresCdcInput input = input("quiet_slot", "quiet");
    RowType type = input.producedType();
    JobClient first = start(input, type, null, "quiet-1", 1);
    awaitMarked("quiet-1");
    String savepoint = stop(first, "quiet-1");
    Change.OUTPUT.clear();

    for (int i = 0; i < 20; i++) {
      postgres.execute("INSERT INTO busy VALUES (" + i + ")");
    }
    JobClient second = start(input, type, savepoint, "quiet-2", 1);
    awaitMarked("quiet-2");
    stop(second, "quiet-2");

    assertThat(ops()).as("the other table's changes are not this source's").isEmpty();
  }

  private PostgresCdcInput input(String slot, String... tables) {
    return CaptureJobs.input(postgres, slot, tables);
  }

  /** A job of the source; {@code run} names its marker and gate, null for a continuous job. */
  private JobClient start(PostgresCdcInput input, RowType type, String savepoint, String run,
      int parallelism) throws Exception {
    if (run != null) {
      input.catchUpMarker(marker(run)).slotCommitGate(gate(run));
    } else {
      input.catchUpMarker(CatchUpMarker.none()).slotCommitGate(PublishGate.always());
    }
    return CaptureJobs.start(input, type, savepoint, parallelism);
  }

  /** What was emitted when the marker appeared. */
  private List<String> awaitMarked(String run) {
    Eventually.until(DEADLINE, "the catch-up marker of " + run, () -> marker(run).isMarked(),
        marked -> marked);
    return ops();
  }

  /** As the driver does: opens the gate, then stops with a savepoint. */
  private String stop(JobClient job, String run) throws Exception {
    gate(run).openFrom(0);
    return TestJobs.stop(cluster, job, dir.resolve("savepoints").toUri().toString());
  }

  private CatchUpMarker marker(String run) {
    return CatchUpMarker.at(dir.resolve("markers").resolve(run).toUri().toString());
  }

  private PublishGate gate(String run) {
    return PublishGate.at(dir.resolve("gates").resolve(run).toUri().toString());
  }

  private static List<String> ops() {
    return CaptureJobs.ops();
  }

  private static List<String> drainedOps() {
    List<String> ops = ops();
    Change.OUTPUT.clear();
    return ops;
  }

  private static String currentWal() {
    return String.valueOf(postgres.query("SELECT pg_current_wal_lsn()::text").get(0).get(0));
  }

  private static String confirmedFlush(String slot) {
    String lsn = confirmedFlushOrNull(slot);
    assertThat(lsn).as("slot " + slot).isNotNull();
    return lsn;
  }

  private static String confirmedFlushOrNull(String slot) {
    List<List<Object>> rows = postgres.query("SELECT confirmed_flush_lsn::text FROM"
        + " pg_replication_slots WHERE slot_name = '" + slot + "'");
    return rows.isEmpty() ? null : (String) rows.get(0).get(0);
  }

  private static boolean compare(String left, String op, String right) {
    return (Boolean) postgres.query("SELECT '" + left + "'::pg_lsn " + op + " '" + right
        + "'::pg_lsn").get(0).get(0);
  }
}
