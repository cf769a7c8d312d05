package io.sluice.connectors.delta;

import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static io.sluice.connectors.delta.TestTables.readIdName;
import static io.sluice.connectors.delta.TestTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy-on-write of touched files: the snapshot writers rewrite only the buckets of changed rows,
 * through operator test harnesses (see {@link SnapshotSinkHarness}).
 */
@SuppressWarnings("try") // test harnesses declare close() throws Exception
class DeltaSnapshotBucketsTest {
  private static final RowContentKey KEY = new RowContentKey(ID_NAME);

  @TempDir Path dir;
  private String table;
  private DeltaSinkConfig config;

  @BeforeEach
  void createTable() {
    table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, List.of(), Map.of());
    config = DeltaSink.builder(table, ID_NAME).mode(WriteMode.SNAPSHOT).applicationId("app")
        .uidPrefix("t").targetFileRows(10).config();
  }

  @Test
  void aChangeRewritesOnlyTheBucketOfTheChangedRow() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 1)) {
      sink.insert(rows(0, 80));
      sink.checkpoint(1L);
      sink.complete(1L);
      Map<Integer, Set<String>> before = filesByBucket(sink.parts().get(0));
      Set<String> liveBefore = livePaths();
      assertThat(before).as("80 rows in buckets of about 10").hasSize(8);

      sink.update(row(5, "n5"), row(5, "five"));
      sink.checkpoint(2L);
      sink.complete(2L);

      Map<Integer, Set<String>> after = filesByBucket(sink.parts().get(0));
      int removed = bucketOf(row(5, "n5"), 8);
      int added = bucketOf(row(5, "five"), 8);
      Set<Integer> changed = new HashSet<>();
      before.forEach((bucket, paths) -> {
        if (!paths.equals(after.get(bucket))) {
          changed.add(bucket);
        }
      });
      assertThat(changed).containsExactlyInAnyOrder(removed, added);
      assertThat(livePaths()).isEqualTo(union(after));
      Set<String> kept = new HashSet<>(liveBefore);
      kept.retainAll(livePaths());
      Map<Integer, Set<String>> untouched = new HashMap<>(before);
      untouched.keySet().removeAll(changed);
      assertThat(kept).as("files of the other buckets stay in the table")
          .isNotEmpty().isEqualTo(union(untouched));
      List<String> expected = new ArrayList<>(TestTables.expected(0, 80));
      expected.set(5, "5,five");
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void deletingEveryRowOfABucketRemovesItsFiles() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 1)) {
      sink.insert(rows(0, 80));
      sink.checkpoint(1L);
      sink.complete(1L);
      Map<Integer, Set<String>> before = filesByBucket(sink.parts().get(0));
      Set<String> liveBefore = livePaths();

      List<String> expected = new ArrayList<>();
      for (RowData row : rows(0, 80)) {
        if (bucketOf(row, 8) == 3) {
          sink.delete(row);
        } else {
          expected.add(row.getLong(0) + "," + row.getString(1));
        }
      }
      sink.checkpoint(2L);
      sink.complete(2L);

      Map<Integer, Set<String>> after = filesByBucket(sink.parts().get(0));
      assertThat(after).doesNotContainKey(3);
      Set<String> bucketThree = before.remove(3);
      assertThat(after).isEqualTo(before);
      assertThat(livePaths()).isEqualTo(union(after)).isSubsetOf(liveBefore)
          .doesNotContainAnyElementsOf(bucketThree);
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aRestoredWriterKeepsItsBucketsAndReplayingCommitsNoFileTwice() throws Exception {
    SnapshotSinkHarness.State beforeNotification;
    Map<Integer, Map<Integer, Set<String>>> written = new HashMap<>();
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(rows(0, 80));
      sink.checkpoint(1L);
      sink.complete(1L);
      sink.parts().forEach(part -> written.put(part.subtask(), filesByBucket(part)));
      sink.delete(row(1, "n1")).insert(row(100, "n100"));
      beforeNotification = sink.checkpoint(2L);
      sink.parts().forEach(part -> written.put(part.subtask(), filesByBucket(part)));
      // the process dies before checkpoint 2's notification
    }
    List<String> expected = new ArrayList<>(TestTables.expected(0, 80));
    expected.remove("1,n1");
    expected.add("100,n100");

    for (int replay = 0; replay < 2; replay++) {
      try (SnapshotSinkHarness sink =
          SnapshotSinkHarness.restore(config, 2, beforeNotification)) {
        sink.complete(2L);
        assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);

        sink.delete(row(2, "n2"));
        sink.checkpoint(3L);

        assertThat(sink.parts()).hasSize(1);
        DeltaSnapshotPart part = sink.parts().get(0);
        Map<Integer, Set<String>> after = filesByBucket(part);
        Map<Integer, Set<String>> restored = written.get(part.subtask());
        int touched = bucketOf(row(2, "n2"), restored.size());
        assertThat(after.keySet()).isEqualTo(restored.keySet());
        after.forEach((bucket, paths) -> {
          if (bucket == touched) {
            assertThat(paths).isNotEqualTo(restored.get(bucket));
          } else {
            assertThat(paths).as("bucket %d", bucket).isEqualTo(restored.get(bucket));
          }
        });
        // checkpoint 3 is not completed: the next replay starts from checkpoint 2 again
      }
    }
    Set<String> partFiles = new HashSet<>();
    written.values().forEach(part -> partFiles.addAll(union(part)));
    assertThat(livePaths()).as("the live files are exactly the parts' files").isEqualTo(partFiles);
    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(2L);
  }

  @Test
  void aRescaledJobRewritesEverythingAndThenOnlyTouchedBuckets() throws Exception {
    SnapshotSinkHarness.State state;
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 2)) {
      sink.insert(rows(0, 60));
      state = sink.checkpoint(1L);
      sink.complete(1L);
    }
    Set<String> liveAtTwo = livePaths();
    List<String> expected = new ArrayList<>(TestTables.expected(0, 60));

    try (SnapshotSinkHarness sink = SnapshotSinkHarness.restore(config, 3, state)) {
      sink.checkpoint(2L);
      sink.complete(2L);
      assertThat(sink.partsSent()).as("every writer rewrites its new range").isEqualTo(3);
      assertThat(livePaths()).doesNotContainAnyElementsOf(liveAtTwo);
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
      Set<String> liveAtThree = livePaths();
      Map<Integer, Map<Integer, Set<String>>> before = new HashMap<>();
      sink.parts().forEach(part -> before.put(part.subtask(), filesByBucket(part)));

      sink.delete(row(7, "n7"));
      expected.remove("7,n7");
      sink.checkpoint(3L);
      sink.complete(3L);

      DeltaSnapshotPart part = sink.parts().get(0);
      Map<Integer, Set<String>> after = filesByBucket(part);
      Map<Integer, Set<String>> previous = before.get(part.subtask());
      long unchanged = previous.entrySet().stream()
          .filter(bucket -> bucket.getValue().equals(after.get(bucket.getKey()))).count();
      assertThat(unchanged).isEqualTo(previous.size() - 1);
      Set<String> live = new HashSet<>(liveAtThree);
      live.removeAll(union(previous));
      live.addAll(union(after));
      assertThat(livePaths()).isEqualTo(live);
      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aPartThatDoublesIsLaidOutInMoreBuckets() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.start(config, 1)) {
      sink.insert(rows(0, 10));
      sink.checkpoint(1L);
      sink.complete(1L);
      assertThat(sink.parts().get(0).buckets()).hasSize(1);

      sink.insert(rows(10, 40));
      sink.checkpoint(2L);
      sink.complete(2L);

      assertThat(sink.parts().get(0).buckets()).extracting(DeltaSnapshotBucket::count)
          .containsOnly(4);
      assertThat(readIdName(table))
          .containsExactlyInAnyOrderElementsOf(TestTables.expected(0, 40));
    }
  }

  @Test
  void oneBucketPerWriterRewritesTheWholePart() throws Exception {
    try (SnapshotSinkHarness sink = SnapshotSinkHarness.withMaxBuckets(1, config, 1)) {
      sink.insert(rows(0, 80));
      sink.checkpoint(1L);
      sink.complete(1L);
      Set<String> before = livePaths();

      sink.delete(row(5, "n5"));
      sink.checkpoint(2L);
      sink.complete(2L);

      assertThat(sink.parts().get(0).buckets()).hasSize(1);
      assertThat(livePaths()).hasSize(8).doesNotContainAnyElementsOf(before);
    }
  }

  @Test
  void bucketsOfOneWritersRowsAreBalanced() {
    int[] sizes = new int[8];
    int rows = 0;
    for (RowData row : TestTables.rows(0, 20_000)) {
      RowData key = KEY.getKey(row);
      if (KeyGroupRangeAssignment.assignKeyToParallelOperator(key, 128, 4) == 1) {
        sizes[SnapshotBuckets.index(key, 8)]++;
        rows++;
      }
    }
    for (int size : sizes) {
      assertThat(size).isBetween(rows / 8 * 8 / 10, rows / 8 * 12 / 10);
    }
  }

  private static Map<Integer, Set<String>> filesByBucket(DeltaSnapshotPart part) {
    Map<Integer, Set<String>> files = new HashMap<>();
    for (DeltaSnapshotBucket bucket : part.buckets()) {
      Set<String> paths = new HashSet<>();
      bucket.files().forEach(file -> paths.add(fileName(file.path())));
      files.put(bucket.index(), paths);
    }
    return files;
  }

  private static Set<String> union(Map<Integer, Set<String>> buckets) {
    Set<String> files = new HashSet<>();
    buckets.values().forEach(files::addAll);
    return files;
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static int bucketOf(RowData row, int count) {
    return SnapshotBuckets.index(KEY.getKey(row), count);
  }

  /** File names of the table's live files. */
  private Set<String> livePaths() {
    Engine engine = DeltaTable.newEngine(Map.of());
    Set<String> names = new HashSet<>();
    KernelInternals.removeActionsOfLiveFiles(engine,
        DeltaTable.latestSnapshot(engine, table).orElseThrow()).keySet()
        .forEach(path -> names.add(fileName(path)));
    return names;
  }

  private static RowData[] rows(long from, long to) {
    return TestTables.rows(from, to).toArray(new RowData[0]);
  }
}
