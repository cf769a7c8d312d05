package io.sluice.connectors.iceberg;

import static io.sluice.connectors.iceberg.TestTables.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connectors.progress.CatchUpMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.flink.FlinkReadOptions;
import org.apache.iceberg.flink.source.enumerator.IcebergEnumeratorState;
import org.apache.iceberg.flink.source.enumerator.IcebergEnumeratorStateSerializer;
import org.apache.iceberg.flink.source.split.IcebergSourceSplit;
import org.apache.iceberg.flink.source.split.SplitRequestEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catch-up wrapper around Iceberg's real continuous enumerator, driven step by step. */
class CatchUpEnumeratorTest {
  @TempDir Path dir;
  private String table;

  @BeforeEach
  void createTable() {
    table = TestTables.create(dir.resolve("t"));
  }

  @Test
  void marksOnlyOnceTheStartSnapshotIsEnumeratedAndEveryReaderWaits() throws Exception {
    TestTables.append(table, 0, 2);
    TestTables.append(table, 2, 4);
    CatchUpMarker marker = marker("run-1");
    TestEnumeratorContext context = context(2);
    SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> enumerator =
        source(marker).createEnumerator(context);
    enumerator.start();

    requestSplit(enumerator, 0, null);
    requestSplit(enumerator, 1, null);
    assertThat(marker.isMarked()).as("nothing enumerated yet").isFalse();

    context.discover(); // plans the snapshot; splits go to the waiting readers
    List<Integer> busy = busyReaders(context);
    assertThat(busy).containsExactly(0, 1);
    assertThat(rows(context, busy)).isEqualTo(4);
    assertThat(marker.isMarked()).as("readers still read").isFalse();

    for (int i = 0; i < busy.size(); i++) {
      assertThat(marker.isMarked()).as("a reader still reads").isFalse();
      finish(enumerator, context, busy.get(i));
    }
    assertThat(marker.isMarked()).isTrue();
  }

  @Test
  void emptyTableCatchesUpOnceEnumeratedWithEveryReaderWaiting() throws Exception {
    CatchUpMarker marker = marker("empty");
    TestEnumeratorContext context = context(2);
    SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> enumerator =
        source(marker).createEnumerator(context);
    enumerator.start();
    requestSplit(enumerator, 0, null);
    assertThat(marker.isMarked()).isFalse();

    context.discover();
    assertThat(marker.isMarked()).as("reader 1 has not asked yet").isFalse();

    requestSplit(enumerator, 1, null);
    assertThat(marker.isMarked()).isTrue();
  }

  @Test
  void restoredEnumeratorResumesFromItsStateAndCatchesUpWithTheSnapshotAtRestart()
      throws Exception {
    long first = TestTables.append(table, 0, 2);
    RowDataSource source = source(marker("run-1"));
    TestEnumeratorContext context = context(1);
    SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> enumerator =
        source.createEnumerator(context);
    enumerator.start();
    requestSplit(enumerator, 0, null);
    context.discover();
    finish(enumerator, context, 0);
    IcebergEnumeratorState state = enumerator.snapshotState(7L);

    SimpleVersionedSerializer<IcebergEnumeratorState> serializer =
        source.getEnumeratorCheckpointSerializer();
    assertThat(serializer).isInstanceOf(IcebergEnumeratorStateSerializer.class);
    IcebergEnumeratorState restored =
        serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
    assertThat(IcebergInternals.position(restored)).isEqualTo(EnumeratorPosition.at(first));
    enumerator.close();

    TestTables.append(table, 2, 5); // committed while the job was stopped
    CatchUpMarker second = marker("run-2");
    TestEnumeratorContext context2 = context(1);
    SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> resumed =
        source(second).restoreEnumerator(context2, restored);
    resumed.start();
    requestSplit(resumed, 0, null);
    assertThat(second.isMarked()).as("the new snapshot is not enumerated yet").isFalse();

    context2.discover();
    assertThat(rows(context2, List.of(0))).as("only the new snapshot's rows").isEqualTo(3);
    assertThat(second.isMarked()).isFalse();

    finish(resumed, context2, 0);
    assertThat(second.isMarked()).isTrue();
  }

  @Test
  void snapshotsAfterTheStartAreStreamedWithoutUnmarking() throws Exception {
    CatchUpMarker marker = marker("continuous");
    TestEnumeratorContext context = context(1);
    SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> enumerator =
        source(marker).createEnumerator(context);
    enumerator.start();
    requestSplit(enumerator, 0, null);
    context.discover();
    assertThat(marker.isMarked()).isTrue();

    TestTables.append(table, 0, 3);
    context.discover();

    assertThat(rows(context, List.of(0))).isEqualTo(3);
    assertThat(marker.isMarked()).isTrue();
  }

  @Test
  void failsWhenASnapshotOverwritesData() throws Exception {
    TestTables.append(table, 0, 2);
    TestEnumeratorContext context = context(1);
    SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> enumerator =
        source(marker("run")).createEnumerator(context);
    enumerator.start();
    context.discover();
    TestTables.load(table).newDelete().deleteFromRowFilter(Expressions.alwaysTrue()).commit();
    long delete = TestTables.load(table).currentSnapshot().snapshotId();
    TestTables.append(table, 2, 4);

    assertThatThrownBy(context::discover)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot stream from table %s: snapshot %d replaced data (operation delete); "
            + "streaming reads need an append-only table. Full-refresh the reading dataset.",
            table.replaceAll("/$", ""), delete);
  }

  @Test
  void failsWhenTheTableWasReplaced() throws Exception {
    long first = TestTables.append(table, 0, 2);
    TestEnumeratorContext context = context(1);
    SplitEnumerator<IcebergSourceSplit, IcebergEnumeratorState> enumerator =
        source(marker("run")).createEnumerator(context);
    enumerator.start();
    context.discover();
    IcebergTable.forPath(table).replace(ID_NAME, List.of(), Map.of());

    assertThatThrownBy(context::discover)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot stream from table " + table.replaceAll("/$", "")
            + ": it was replaced or rolled back after snapshot " + first)
        .hasMessageEndingWith("Full-refresh the reading dataset.");
  }

  private RowDataSource source(CatchUpMarker marker) {
    // one split per data file, so that two readers can both be busy
    return IcebergInputs.incremental(table, marker, Duration.ofHours(1),
        Map.of(FlinkReadOptions.SPLIT_SIZE, "1"));
  }

  private CatchUpMarker marker(String run) {
    return CatchUpMarker.at(TestTables.uri(dir.resolve("markers").resolve(run)));
  }

  private static TestEnumeratorContext context(int parallelism) {
    TestEnumeratorContext context = new TestEnumeratorContext(parallelism);
    context.registerAllReaders();
    return context;
  }

  private static void requestSplit(SplitEnumerator<IcebergSourceSplit, ?> enumerator,
      int subtask, IcebergSourceSplit finished) {
    List<String> finishedIds = finished == null ? List.of() : List.of(finished.splitId());
    enumerator.handleSourceEvent(subtask, new SplitRequestEvent(finishedIds, "localhost"));
  }

  /** The reader finishes every split it got, asking for the next after each, as Iceberg's does. */
  private static void finish(SplitEnumerator<IcebergSourceSplit, ?> enumerator,
      TestEnumeratorContext context, int subtask) {
    int done = 0;
    while (done < context.assigned(subtask).size()) {
      requestSplit(enumerator, subtask, context.assigned(subtask).get(done++));
      context.runCoordinatorTasks();
    }
  }

  private static List<Integer> busyReaders(TestEnumeratorContext context) {
    List<Integer> busy = new ArrayList<>();
    for (int subtask : context.registeredReaders().keySet()) {
      if (!context.assigned(subtask).isEmpty()) {
        busy.add(subtask);
      }
    }
    return busy;
  }

  private static long rows(TestEnumeratorContext context, List<Integer> subtasks) {
    long rows = 0;
    for (int subtask : subtasks) {
      for (IcebergSourceSplit split : context.assigned(subtask)) {
        for (FileScanTask file : split.task().files()) {
          rows += file.file().recordCount();
        }
      }
    }
    return rows;
  }
}
