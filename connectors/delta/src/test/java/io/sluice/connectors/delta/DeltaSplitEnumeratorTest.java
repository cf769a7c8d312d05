package io.sluice.connectors.delta;

import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connectors.progress.CatchUpMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // the mock context declares close() throws Exception
class DeltaSplitEnumeratorTest {
  @TempDir Path dir;
  private String table;
  private CatchUpMarker marker;

  @BeforeEach
  void createTableWithTwoVersions() throws Exception {
    table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, List.of(), Map.of());
    TestTables.append(table, ID_NAME, TestTables.rows(0, 2));
    TestTables.append(table, ID_NAME, TestTables.rows(2, 4));
    marker = CatchUpMarker.at(TestTables.uri(dir.resolve("markers/source")));
  }

  @Test
  void marksCatchUpOnlyOnceEveryReaderFinishedTheStartTimeFiles() throws Throwable {
    try (MockSplitEnumeratorContext<DeltaSplit> context = context(2)) {
      DeltaSplitEnumerator enumerator = enumerator(context, null);
      enumerator.start();
      context.runPeriodicCallable(0);

      enumerator.handleSplitRequest(0, "host");
      enumerator.handleSplitRequest(1, "host");
      assertThat(assignedVersions(context)).containsExactly(2L, 2L);
      enumerator.handleSplitRequest(0, "host"); // reader 0 is done, reader 1 still reads
      assertThat(marker.isMarked()).isFalse();

      enumerator.handleSplitRequest(1, "host");
      assertThat(marker.isMarked()).isTrue();

      TestTables.append(table, ID_NAME, TestTables.rows(4, 6));
      context.runPeriodicCallable(0);
      assertThat(assignedVersions(context)).containsExactly(2L, 2L, 3L);
    }
  }

  @Test
  void restoredStateKeepsPendingFilesAndCatchesUpToTheVersionAtRestart() throws Throwable {
    DeltaEnumeratorState state;
    try (MockSplitEnumeratorContext<DeltaSplit> context = context(1)) {
      DeltaSplitEnumerator enumerator = enumerator(context, null);
      enumerator.start();
      context.runPeriodicCallable(0);
      enumerator.handleSplitRequest(0, "host");
      state = roundTrip(enumerator.snapshotState(1L));
    }
    assertThat(state.lastEnumeratedVersion()).isEqualTo(2L);
    assertThat(state.pending()).hasSize(1);
    TestTables.append(table, ID_NAME, TestTables.rows(4, 6)); // version 3, while stopped

    try (MockSplitEnumeratorContext<DeltaSplit> context = context(1)) {
      DeltaSplitEnumerator enumerator = enumerator(context, state);
      enumerator.start();
      context.runPeriodicCallable(0);
      enumerator.handleSplitRequest(0, "host");
      enumerator.handleSplitRequest(0, "host");
      assertThat(marker.isMarked()).isFalse();

      enumerator.handleSplitRequest(0, "host");

      assertThat(assignedVersions(context)).containsExactly(2L, 3L);
      assertThat(marker.isMarked()).isTrue();
    }
  }

  @Test
  void failsTheStreamWhenACommitRemovesData() throws Throwable {
    try (MockSplitEnumeratorContext<DeltaSplit> context = context(1)) {
      DeltaSplitEnumerator enumerator = enumerator(context, null);
      enumerator.start();
      context.runPeriodicCallable(0);
      DeltaSinkConfig overwrite = DeltaSink.builder(table, ID_NAME).mode(WriteMode.OVERWRITE)
          .uidPrefix("t").config();
      new DeltaCommits(overwrite, overwrite.newEngine()).commitOverwrite(List.of());

      assertThatThrownBy(() -> context.runPeriodicCallable(0))
          .hasMessageStartingWith("Cannot stream from table " + table + ": version 3 removed or "
              + "rewrote data; streaming reads need an append-only table. Full-refresh the "
              + "reading dataset");
    }
  }

  @Test
  void boundedSourceEndsReadersOnceTheSnapshotIsAssigned() throws Throwable {
    try (MockSplitEnumeratorContext<DeltaSplit> context = context(1)) {
      DeltaSplitEnumerator enumerator = new DeltaSplitEnumerator(context,
          DeltaSource.snapshot(table), new DeltaEnumeratorState(-1L, List.of()));
      enumerator.start();
      enumerator.handleSplitRequest(0, "host"); // before the snapshot is listed
      context.runNextOneTimeCallable();
      enumerator.handleSplitRequest(0, "host");
      assertThat(context.hasNoMoreSplits(0)).isFalse();

      enumerator.handleSplitRequest(0, "host");

      assertThat(assignedVersions(context)).containsExactly(2L, 2L);
      assertThat(context.hasNoMoreSplits(0)).isTrue();
    }
  }

  private MockSplitEnumeratorContext<DeltaSplit> context(int parallelism) {
    MockSplitEnumeratorContext<DeltaSplit> context = new MockSplitEnumeratorContext<>(parallelism);
    for (int i = 0; i < parallelism; i++) {
      context.registerReader(new ReaderInfo(i, "host"));
    }
    return context;
  }

  private DeltaSplitEnumerator enumerator(MockSplitEnumeratorContext<DeltaSplit> context,
      DeltaEnumeratorState state) {
    DeltaSource source = DeltaSource.incremental(table, marker, Duration.ofSeconds(1));
    return state == null ? (DeltaSplitEnumerator) source.createEnumerator(context)
        : (DeltaSplitEnumerator) source.restoreEnumerator(context, state);
  }

  private static List<Long> assignedVersions(MockSplitEnumeratorContext<DeltaSplit> context) {
    return context.getSplitsAssignmentSequence().stream()
        .map(SplitsAssignment::assignment)
        .flatMap(assignment -> assignment.values().stream())
        .flatMap(List::stream)
        .map(DeltaSplit::version)
        .collect(Collectors.toList());
  }

  private static DeltaEnumeratorState roundTrip(DeltaEnumeratorState state) throws Exception {
    DeltaEnumeratorStateSerializer serializer = new DeltaEnumeratorStateSerializer();
    return serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
  }
}
