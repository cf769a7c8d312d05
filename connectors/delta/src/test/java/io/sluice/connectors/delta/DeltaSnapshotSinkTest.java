package io.sluice.connectors.delta;

import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static io.sluice.connectors.delta.TestTables.readIdName;
import static io.sluice.connectors.delta.TestTables.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connectors.progress.PublishGate;
import java.nio.file.Path;
import io.delta.kernel.engine.Engine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The snapshot writers and committer, wired as in the job, through operator test harnesses. */
@SuppressWarnings("try") // test harnesses declare close() throws Exception
class DeltaSnapshotSinkTest {
  @TempDir Path dir;
  private String table;
  private DeltaSinkConfig config;

  @BeforeEach
  void createTable() {
    table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, List.of(), Map.of());
    config = snapshotSink().config();
  }

  private DeltaSink.Builder snapshotSink() {
    return DeltaSink.builder(table, ID_NAME).mode(WriteMode.SNAPSHOT).applicationId("app")
        .uidPrefix("t").targetFileRows(2);
  }

  @Test
  void tableEqualsTheChangelogAfterEachCompletedCheckpoint() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(row(1, "a"), row(2, "b"), row(2, "b"), row(3, "c"))
          .update(row(3, "c"), row(3, "cc"))
          .delete(row(1, "a"));
      sink.checkpoint(1L);
      assertThat(readIdName(table)).as("nothing before the checkpoint completes").isEmpty();

      sink.complete(1L);
      assertThat(readIdName(table)).containsExactlyInAnyOrder("2,b", "2,b", "3,cc");
      assertThat(sink.rowsCommitted()).isEqualTo(3L);

      sink.delete(row(2, "b")).insert(row(4, "d")).update(row(3, "cc"), row(3, "ccc"));
      sink.checkpoint(2L);
      sink.complete(2L);

      assertThat(readIdName(table)).containsExactlyInAnyOrder("2,b", "3,ccc", "4,d");
      assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(2L);
      assertThat(TestTables.operations(dir.resolve("t")))
          .containsExactly("CREATE TABLE", "STREAMING UPDATE", "STREAMING UPDATE");
    }
  }

  @Test
  void checkpointWithoutNetChangesWritesAndCommitsNothing() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(rows(0, 6).toArray(new RowData[0]));
      sink.checkpoint(1L);
      sink.complete(1L);
      long version = DeltaTable.forPath(table).latestVersion();

      sink.insert(row(9, "z")).delete(row(9, "z")).update(row(1, "n1"), row(1, "n1"));
      sink.checkpoint(2L);
      sink.complete(2L);
      sink.checkpoint(3L);
      sink.complete(3L);

      assertThat(sink.partsSent()).isZero();
      assertThat(DeltaTable.forPath(table).latestVersion()).isEqualTo(version);
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(names(0, 6));
    }
  }

  @Test
  void aPartWhoseRowsAreAllRetractedLeavesTheTable() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(rows(0, 6).toArray(new RowData[0]));
      sink.checkpoint(1L);
      sink.complete(1L);

      sink.delete(rows(0, 6).toArray(new RowData[0]));
      sink.checkpoint(2L);
      sink.complete(2L);

      assertThat(sink.partsSent()).as("each writer sends its now empty part").isEqualTo(2);
      assertThat(readIdName(table)).isEmpty();
      assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(2L);
    }
  }

  @Test
  void aCommitReplacesOnlyTheFilesOfPartsThatChanged() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(rows(0, 10).toArray(new RowData[0]));
      sink.checkpoint(1L);
      sink.complete(1L);
      Set<String> before = livePaths();

      sink.delete(row(3, "n3"));
      sink.checkpoint(2L);
      sink.complete(2L);

      assertThat(sink.partsSent()).isEqualTo(1);
      Set<String> after = livePaths();
      Set<String> kept = new HashSet<>(before);
      kept.retainAll(after);
      assertThat(kept).as("the other writer's files stay").isNotEmpty();
      assertThat(after).as("the changed writer's files are new").hasSizeGreaterThan(kept.size());
      assertThat(before).hasSizeGreaterThan(kept.size());
      List<String> expected = new ArrayList<>(names(0, 10));
      expected.remove("3,n3");
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aRetractionOfAnAbsentRowIsDropped() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 1)) {
      sink.delete(row(1, "a")).insert(row(1, "a"));
      sink.checkpoint(1L);
      sink.complete(1L);

      assertThat(readIdName(table)).containsExactly("1,a");
    }
  }

  @Test
  void restoringAndReplayingTheNotificationCommitsNothingNew() throws Exception {
    SnapshotSinkHarness.State beforeNotification;
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(rows(0, 4).toArray(new RowData[0]));
      sink.checkpoint(1L);
      sink.complete(1L);
      sink.delete(row(0, "n0")).insert(row(7, "n7"));
      beforeNotification = sink.checkpoint(2L);
      // the process dies before checkpoint 2's notification
    }
    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(names(0, 4));

    // (the harness restores with checkpoint id 0, so the replayed notification commits)
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.restore(config, 2, beforeNotification)) {
      sink.complete(2L);
      assertThat(readIdName(table))
          .containsExactlyInAnyOrder("1,n1", "2,n2", "3,n3", "7,n7");
      long version = DeltaTable.forPath(table).latestVersion();

      sink.complete(2L);
      sink.checkpoint(3L);
      sink.complete(3L);

      assertThat(sink.partsSent()).as("same parallelism: nothing to rewrite").isZero();
      assertThat(DeltaTable.forPath(table).latestVersion()).isEqualTo(version);
    }
    long version = DeltaTable.forPath(table).latestVersion();
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.restore(config, 2, beforeNotification)) {
      sink.complete(2L);
    }
    assertThat(DeltaTable.forPath(table).latestVersion()).isEqualTo(version);
    assertThat(readIdName(table)).containsExactlyInAnyOrder("1,n1", "2,n2", "3,n3", "7,n7");
    assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(2L);
  }

  @Test
  void anOlderCheckpointNeverReplacesANewerContent() throws Exception {
    SnapshotSinkHarness.State first;
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 1)) {
      sink.insert(row(1, "a"));
      first = sink.checkpoint(1L);
      sink.insert(row(2, "b"));
      sink.checkpoint(2L);
      sink.complete(2L);
      sink.complete(1L); // late notification of the older checkpoint
    }
    assertThat(readIdName(table)).containsExactlyInAnyOrder("1,a", "2,b");

    try (SnapshotSinkHarness sink = SnapshotSinkHarness.restore(config, 1, first)) {
      assertThat(readIdName(table)).containsExactlyInAnyOrder("1,a", "2,b");
    }
    assertThat(TestTables.operations(dir.resolve("t")))
        .containsExactly("CREATE TABLE", "STREAMING UPDATE");
  }

  @Test
  void restoringOntoAnotherParallelismKeepsEveryRowExactlyOnce() throws Exception {
    List<String> expected = new ArrayList<>(names(0, 20));
    SnapshotSinkHarness.State state;
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(rows(0, 20).toArray(new RowData[0])).insert(row(5, "n5"));
      expected.add("5,n5");
      state = sink.checkpoint(1L);
      sink.complete(1L);
    }

    try (SnapshotSinkHarness sink = SnapshotSinkHarness.restore(config, 3, state)) {
      sink.update(row(7, "n7"), row(7, "seven"));
      expected.set(expected.indexOf("7,n7"), "7,seven");
      state = sink.checkpoint(2L);
      sink.complete(2L);

      assertThat(sink.partsSent()).as("every writer rewrites its new key group range").isEqualTo(3);
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
    }

    try (SnapshotSinkHarness sink = SnapshotSinkHarness.restore(config, 1, state)) {
      sink.checkpoint(3L);
      sink.complete(3L);
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);

      sink.delete(row(5, "n5"));
      expected.remove("5,n5");
      sink.checkpoint(4L);
      sink.complete(4L);
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(sink.rowsCommitted()).isEqualTo(expected.size());
    }
  }

  @Test
  void refusesToPublishWhenTheCommitterLostThePartsOfSomeWriters() throws Exception {
    SnapshotSinkHarness.State state;
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(rows(0, 10).toArray(new RowData[0]));
      state = sink.checkpoint(1L);
      sink.complete(1L);
    }
    SnapshotSinkHarness.State withoutCommitter =
        new SnapshotSinkHarness.State(2, state.writers(), null);

    try (SnapshotSinkHarness sink = SnapshotSinkHarness.restore(config, 2, withoutCommitter)) {
      sink.delete(row(3, "n3"));
      assertThatThrownBy(() -> sink.checkpoint(2L))
          .hasStackTraceContaining("Cannot build the content of Delta table " + table
              + ": the committer holds the parts of 1 of 2 writers");
    }
    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(names(0, 10));
  }

  @Test
  void rocksDbStateIsWrittenAndRescaledTheSameWay() throws Exception {
    List<String> expected = new ArrayList<>(names(0, 12));
    SnapshotSinkHarness.State state;
    try (SnapshotSinkHarness sink =
        SnapshotSinkHarness.on(new EmbeddedRocksDBStateBackend(), config, 2, null)) {
      sink.insert(rows(0, 12).toArray(new RowData[0])).insert(row(4, "n4"));
      expected.add("4,n4");
      state = sink.checkpoint(1L);
      sink.complete(1L);
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
    }

    try (SnapshotSinkHarness sink =
        SnapshotSinkHarness.on(new EmbeddedRocksDBStateBackend(), config, 3, state)) {
      sink.delete(row(4, "n4"));
      expected.remove("4,n4");
      sink.checkpoint(2L);
      sink.complete(2L);
    }
    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void withAGateOnlyTheNewestContentIsPublishedWhenItOpens() throws Exception {
    DeltaSinkConfig gated = snapshotSink()
        .publishGate(PublishGate.at(dir.resolve("gate").toUri().toString())).config();
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(gated, 2)) {
      sink.insert(row(1, "a"), row(2, "b"));
      sink.checkpoint(1L);
      sink.complete(1L);
      sink.delete(row(1, "a")).insert(row(3, "c"));
      sink.checkpoint(2L);
      sink.complete(2L);
      assertThat(DeltaTable.forPath(table).latestVersion()).isZero();

      gated.gate().openFrom(3L);
      sink.checkpoint(3L);
      sink.complete(3L);

      assertThat(readIdName(table)).containsExactlyInAnyOrder("2,b", "3,c");
      assertThat(TestTables.operations(dir.resolve("t")))
          .containsExactly("CREATE TABLE", "STREAMING UPDATE");
      assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(2L);
    }
  }

  @Test
  void partitionedTableGetsItsRowsInTheirPartitions() throws Exception {
    String partitioned = TestTables.uri(dir.resolve("p"));
    DeltaTable.forPath(partitioned).create(ID_NAME, List.of("name"), Map.of());
    DeltaSinkConfig sinkConfig = DeltaSink.builder(partitioned, ID_NAME).mode(WriteMode.SNAPSHOT)
        .applicationId("app").uidPrefix("p").config();
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(sinkConfig, 2)) {
      sink.insert(row(1, "a"), row(2, "b"), row(3, "a"));
      sink.checkpoint(1L);
      sink.complete(1L);
      sink.update(row(2, "b"), row(2, "a"));
      sink.checkpoint(2L);
      sink.complete(2L);
    }
    assertThat(readIdName(partitioned)).containsExactlyInAnyOrder("1,a", "2,a", "3,a");
  }

  @Test
  void refusesToRunWithoutCheckpointing() throws Exception {
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer =
        new OneInputStreamOperatorTestHarness<>(new DeltaSnapshotCommitterOperator(config))) {
      committer.getStreamConfig().setCheckpointingEnabled(false);
      assertThatThrownBy(committer::open)
          .hasMessageStartingWith("Cannot keep Delta table " + table
              + " equal to a changelog without checkpointing");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"delta.enableChangeDataFeed", "delta.appendOnly"})
  void refusesATableWhoseFilesCannotBeRemoved(String property) {
    String other = TestTables.uri(dir.resolve("other"));
    DeltaTable.forPath(other).create(ID_NAME, List.of(), Map.of(property, "true"));
    DeltaSinkConfig sinkConfig = DeltaSink.builder(other, ID_NAME).mode(WriteMode.SNAPSHOT)
        .applicationId("app").uidPrefix("c").config();

    assertThatThrownBy(() -> SnapshotSinkHarness.start(sinkConfig, 1))
        .hasMessageStartingWith("Cannot keep Delta table " + other + " equal to a changelog: "
            + "it has " + property + "=true");
  }

  @Test
  void requiresAnApplicationId() {
    assertThatThrownBy(() -> DeltaSink.builder(table, ID_NAME).mode(WriteMode.SNAPSHOT)
            .uidPrefix("t").config())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot build a snapshot Delta sink for " + table
            + " without an applicationId");
  }

  private Set<String> livePaths() {
    Engine engine = DeltaTable.newEngine(Map.of());
    return KernelInternals.removeActionsOfLiveFiles(engine,
        DeltaTable.latestSnapshot(engine, table).orElseThrow()).keySet();
  }

  private static List<RowData> rows(long from, long to) {
    return TestTables.rows(from, to);
  }

  private static List<String> names(long from, long to) {
    return TestTables.expected(from, to);
  }
}
