package io.sluice.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connectors.progress.CatchUpMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestEnumeratorTest {
  @TempDir Path dir;
  private Path landing;
  private CatchUpMarker marker;

  @BeforeEach
  void setUp() throws IOException {
    landing = Files.createDirectories(dir.resolve("landing"));
    marker = CatchUpMarker.at(dir.resolve("markers/source").toUri().toString());
  }

  @Test
  void assignsEachFileOnceOldestFirstAndRemembersProcessedFilesAcrossRestore() throws Exception {
    file("b.json", 2);
    file("a.json", 1);
    TestEnumeratorContext first = new TestEnumeratorContext(1);
    FileIngestEnumerator enumerator = start(first, EnumeratorState.empty(), Boundedness.CONTINUOUS_UNBOUNDED, 0);
    enumerator.handleSplitRequest(0, "host");
    enumerator.handleSplitRequest(0, "host");
    enumerator.handleSplitRequest(0, "host");
    EnumeratorState state = roundTrip(enumerator.snapshotState(1));
    file("c.json", 3);
    file("a.json", 9); // modified after it was processed: not read again

    TestEnumeratorContext second = new TestEnumeratorContext(1);
    FileIngestEnumerator restored = start(second, state, Boundedness.CONTINUOUS_UNBOUNDED, 0);
    restored.handleSplitRequest(0, "host");
    restored.handleSplitRequest(0, "host");
    second.discover();

    assertThat(names(first.assignedPaths())).containsExactly("a.json", "b.json");
    assertThat(state.processedPaths()).hasSize(2);
    assertThat(names(second.assignedPaths())).containsExactly("c.json");
  }

  @Test
  void keepsUnassignedFilesInStateAndReadsThemAfterRestore() throws Exception {
    file("a.json", 1);
    file("b.json", 2);
    file("c.json", 3);
    TestEnumeratorContext first = new TestEnumeratorContext(1);
    FileIngestEnumerator enumerator = start(first, EnumeratorState.empty(), Boundedness.CONTINUOUS_UNBOUNDED, 0);
    enumerator.handleSplitRequest(0, "host");
    EnumeratorState state = roundTrip(enumerator.snapshotState(1));

    TestEnumeratorContext second = new TestEnumeratorContext(1);
    FileIngestEnumerator restored = start(second, state, Boundedness.CONTINUOUS_UNBOUNDED, 0);
    for (int i = 0; i < 4; i++) {
      restored.handleSplitRequest(0, "host");
    }

    assertThat(names(state.pending().stream().map(FileSplit::path).toList())).containsExactly("b.json", "c.json");
    assertThat(names(second.assignedPaths())).containsExactly("b.json", "c.json");
  }

  @Test
  void assignsAtMostMaxFilesPerTriggerBetweenTwoCheckpoints() throws Exception {
    for (int i = 0; i < 5; i++) {
      file("f" + i + ".json", i);
    }
    TestEnumeratorContext context = new TestEnumeratorContext(3);
    FileIngestEnumerator enumerator = start(context, EnumeratorState.empty(), Boundedness.CONTINUOUS_UNBOUNDED, 2);
    enumerator.handleSplitRequest(0, "host");
    enumerator.handleSplitRequest(1, "host");
    enumerator.handleSplitRequest(2, "host");
    int beforeCheckpoint = context.assignments.size();
    enumerator.snapshotState(1);
    int beforeTasks = context.assignments.size();
    context.runCoordinatorTasks();
    enumerator.handleSplitRequest(0, "host");
    enumerator.handleSplitRequest(1, "host");
    int afterFirstCheckpoint = context.assignments.size();
    enumerator.snapshotState(2);
    context.runCoordinatorTasks();

    assertThat(beforeCheckpoint).isEqualTo(2);
    assertThat(beforeTasks).as("nothing assigned inside the snapshot").isEqualTo(2);
    assertThat(afterFirstCheckpoint).isEqualTo(4);
    assertThat(names(context.assignedPaths()))
        .containsExactly("f0.json", "f1.json", "f2.json", "f3.json", "f4.json");
  }

  @Test
  void marksCatchUpOnlyOnceEveryFilePresentAtStartHasBeenRead() throws Exception {
    file("a.json", 1);
    file("b.json", 2);
    TestEnumeratorContext context = new TestEnumeratorContext(2);
    FileIngestEnumerator enumerator = start(context, EnumeratorState.empty(), Boundedness.CONTINUOUS_UNBOUNDED, 0);
    enumerator.handleSplitRequest(0, "host");
    enumerator.handleSplitRequest(1, "host");
    boolean afterAssigning = marker.isMarked();
    file("late.json", 3);
    context.discover();
    enumerator.handleSplitRequest(0, "host"); // reader 0 finished a.json, takes late.json
    boolean whileBStillReads = marker.isMarked();
    enumerator.handleSplitRequest(1, "host"); // reader 1 finished b.json

    assertThat(afterAssigning).isFalse();
    assertThat(whileBStillReads).isFalse();
    assertThat(marker.isMarked()).as("a file found after start does not delay catch-up").isTrue();
    assertThat(context.assignedTo(0)).hasSize(2);
  }

  @Test
  void waitsForEveryReaderBeforeMarkingEvenWithNothingToRead() throws Exception {
    TestEnumeratorContext context = new TestEnumeratorContext(2);
    FileIngestEnumerator enumerator = start(context, EnumeratorState.empty(), Boundedness.CONTINUOUS_UNBOUNDED, 0);
    enumerator.handleSplitRequest(0, "host");
    boolean oneReaderIdle = marker.isMarked();
    enumerator.handleSplitRequest(1, "host"); // reader 1 held a split restored from a checkpoint

    assertThat(oneReaderIdle).isFalse();
    assertThat(marker.isMarked()).isTrue();
  }

  @Test
  void readsReturnedSplitsFirstAndWaitsForThemBeforeCatchUp() throws Exception {
    file("a.json", 1);
    file("b.json", 2);
    TestEnumeratorContext context = new TestEnumeratorContext(1);
    FileIngestEnumerator enumerator = start(context, EnumeratorState.empty(), Boundedness.CONTINUOUS_UNBOUNDED, 0);
    enumerator.handleSplitRequest(0, "host");
    FileSplit a = context.assignments.get(0).getValue();
    enumerator.addSplitsBack(List.of(a), 0);
    EnumeratorState state = enumerator.snapshotState(1);
    enumerator.handleSplitRequest(0, "host");
    boolean afterRetry = marker.isMarked();
    enumerator.handleSplitRequest(0, "host");
    enumerator.handleSplitRequest(0, "host");

    assertThat(state.processedPaths()).isEmpty();
    assertThat(names(context.assignedPaths())).containsExactly("a.json", "a.json", "b.json");
    assertThat(afterRetry).isFalse();
    assertThat(marker.isMarked()).isTrue();
  }

  @Test
  void neitherAssignsToNorCountsOnAReaderThatFailedAfterAsking() throws Exception {
    TestEnumeratorContext context = new TestEnumeratorContext(2);
    FileIngestEnumerator enumerator = start(context, EnumeratorState.empty(), Boundedness.CONTINUOUS_UNBOUNDED, 0);
    enumerator.handleSplitRequest(0, "host");
    context.readers.remove(0); // reader 0 fails; it held a split restored from the last checkpoint
    file("new.json", 1);
    context.discover();
    boolean assignedToFailedReader = !context.assignments.isEmpty();
    context.readers.put(0, new ReaderInfo(0, "host"));
    enumerator.addReader(0);
    enumerator.handleSplitRequest(1, "host");
    enumerator.handleSplitRequest(1, "host");
    boolean markedWhileReader0Restores = marker.isMarked();
    enumerator.handleSplitRequest(0, "host");

    assertThat(assignedToFailedReader).isFalse();
    assertThat(names(context.assignedTo(1))).containsExactly("new.json");
    assertThat(markedWhileReader0Restores).isFalse();
    assertThat(marker.isMarked()).isTrue();
  }

  @Test
  void boundedSourceSignalsNoMoreSplitsOnceEverythingIsAssigned() throws Exception {
    file("a.json", 1);
    TestEnumeratorContext context = new TestEnumeratorContext(2);
    FileIngestEnumerator enumerator = start(context, EnumeratorState.empty(), Boundedness.BOUNDED, 1);
    enumerator.handleSplitRequest(0, "host");
    enumerator.handleSplitRequest(1, "host");

    assertThat(names(context.assignedTo(0))).containsExactly("a.json");
    assertThat(context.noMoreSplits).containsExactly(1);
    enumerator.handleSplitRequest(0, "host");
    assertThat(context.noMoreSplits).containsExactlyInAnyOrder(0, 1);
  }

  private FileIngestEnumerator start(
      TestEnumeratorContext context, EnumeratorState state, Boundedness boundedness, int maxFiles) {
    FileReadSpec read = new FileReadSpec(
        new FileDiscovery(landing.toUri().toString()), FileFormat.JSON, FormatOptions.defaults(),
        FileSchemaInference.parseSchema("a INT"), "_rescued_data", ReadColumns.all());
    SourceSettings settings = new SourceSettings(read, boundedness, Duration.ofSeconds(1), maxFiles, marker);
    FileIngestEnumerator enumerator = new FileIngestEnumerator(context, settings, state);
    enumerator.start();
    context.discover();
    return enumerator;
  }

  private static EnumeratorState roundTrip(EnumeratorState state) throws IOException {
    EnumeratorStateSerializer serializer = EnumeratorStateSerializer.INSTANCE;
    return serializer.deserialize(serializer.getVersion(), serializer.serialize(state));
  }

  private static List<String> names(List<String> paths) {
    return paths.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList();
  }

  private void file(String name, int minute) throws IOException {
    Path file = landing.resolve(name);
    Files.writeString(file, "{\"a\":1}\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + minute * 60_000L));
  }
}
