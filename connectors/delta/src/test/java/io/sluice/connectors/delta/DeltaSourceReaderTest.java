package io.sluice.connectors.delta;

import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

@SuppressWarnings("try") // source readers declare close() throws Exception
class DeltaSourceReaderTest {
  @TempDir Path dir;

  @Test
  void aReaderRestoredMidFileEmitsEachRowExactlyOnce() throws Exception {
    String table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, List.of(), Map.of());
    TestTables.append(table, ID_NAME, TestTables.rows(0, 3000)); // one file, three Kernel batches
    DeltaSource source = DeltaSource.snapshot(table);
    List<DeltaSplit> splits = new SplitDiscovery(table, DeltaTable.newEngine(Map.of()))
        .discover(-1).splits();
    assertThat(splits).hasSize(1);

    TestReaderContext.Rows before = new TestReaderContext.Rows();
    List<DeltaSplit> state;
    try (DeltaSourceReader reader = new DeltaSourceReader(new TestReaderContext(), source)) {
      reader.start();
      reader.addSplits(splits);
      pollUntil(reader, before, output -> output.rows.size() == 1500);
      state = reader.snapshotState(1L);
    }
    assertThat(state).singleElement().extracting(DeltaSplit::recordsToSkip).isEqualTo(1500L);

    TestReaderContext.Rows after = new TestReaderContext.Rows();
    try (DeltaSourceReader reader = new DeltaSourceReader(new TestReaderContext(), source)) {
      reader.start();
      reader.addSplits(List.of(roundTrip(state.get(0))));
      reader.notifyNoMoreSplits();
      pollUntil(reader, after, output -> false);
    }

    List<Long> ids = new ArrayList<>();
    before.rows.forEach(row -> ids.add(row.getLong(0)));
    after.rows.forEach(row -> ids.add(row.getLong(0)));
    assertThat(ids).hasSize(3000).doesNotHaveDuplicates();
    assertThat(after.rows).hasSize(1500);
  }

  @Test
  void asksForTheNextSplitAfterFinishingOne() throws Exception {
    String table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, List.of(), Map.of());
    TestTables.append(table, ID_NAME, TestTables.rows(0, 3));
    TestReaderContext context = new TestReaderContext();
    try (DeltaSourceReader reader =
        new DeltaSourceReader(context, DeltaSource.snapshot(table))) {
      reader.start();
      assertThat(context.splitRequests).hasValue(1);

      reader.addSplits(new SplitDiscovery(table, DeltaTable.newEngine(Map.of()))
          .discover(-1).splits());
      TestReaderContext.Rows output = new TestReaderContext.Rows();
      pollUntil(reader, output, o -> context.splitRequests.get() == 2);

      assertThat(output.rows).hasSize(3);
    }
  }

  @Test
  void appliesPartitionValuesAndDeletionVectors() throws Exception {
    Path tableDir = dir.resolve("dv");
    String table = TestTables.uri(tableDir);
    DeltaTable.forPath(table).create(ID_NAME, List.of("name"),
        Map.of("delta.enableDeletionVectors", "true"));
    List<RowData> rows = new ArrayList<>();
    for (long id = 0; id < 5; id++) {
      rows.add(TestTables.row(id, "a"));
    }
    rows.add(TestTables.row(5, "b"));
    TestTables.append(table, ID_NAME, rows);
    deleteRowsOfPartition(tableDir, "name=a", 1, 3);

    TestReaderContext.Rows output = new TestReaderContext.Rows();
    try (DeltaSourceReader reader =
        new DeltaSourceReader(new TestReaderContext(), DeltaSource.snapshot(table))) {
      reader.start();
      reader.addSplits(new SplitDiscovery(table, DeltaTable.newEngine(Map.of()))
          .discover(-1).splits());
      reader.notifyNoMoreSplits();
      pollUntil(reader, output, o -> false);
    }

    assertThat(output.rows.stream().map(r -> r.getLong(0) + "," + r.getString(1))
        .collect(Collectors.toList()))
        .containsExactlyInAnyOrder("0,a", "2,a", "4,a", "5,b")
        .containsExactlyInAnyOrderElementsOf(TestTables.readIdName(table));
  }

  @Test
  void readsBackEveryTypeAsTheSinkWroteIt() throws Exception {
    String table = TestTables.uri(dir.resolve("all"));
    DeltaTable.forPath(table).create(TestRows.ALL_TYPES, List.of("i32"), Map.of());
    List<RowData> rows = List.of(TestRows.full(1), TestRows.nulls(2), TestRows.full(-3));
    TestTables.append(table, TestRows.ALL_TYPES, rows);

    TestReaderContext.Rows output = new TestReaderContext.Rows();
    try (DeltaSourceReader reader =
        new DeltaSourceReader(new TestReaderContext(), DeltaSource.snapshot(table))) {
      reader.start();
      reader.addSplits(new SplitDiscovery(table, DeltaTable.newEngine(Map.of()))
          .discover(-1).splits());
      reader.notifyNoMoreSplits();
      pollUntil(reader, output, o -> false);
    }

    assertThat(output.rows).containsExactlyInAnyOrderElementsOf(rows);
  }

  /** Polls until the condition holds or the reader reached the end of its input. */
  private static void pollUntil(DeltaSourceReader reader, TestReaderContext.Rows output,
      Predicate<TestReaderContext.Rows> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!done.test(output)) {
      InputStatus status = reader.pollNext(output);
      if (status == InputStatus.END_OF_INPUT) {
        return;
      } else if (status == InputStatus.NOTHING_AVAILABLE) {
        reader.isAvailable().get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
      assertThat(System.nanoTime()).as("poll deadline").isLessThan(deadline);
    }
  }

  private static DeltaSplit roundTrip(DeltaSplit split) throws Exception {
    DeltaSplitSerializer serializer = DeltaSplitSerializer.INSTANCE;
    return serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
  }

  /**
   * Commits a deletion vector (inline, as Spark writes small ones) that deletes rows of the only
   * file of a partition: Kernel cannot write deletion vectors, so the commit is written by hand.
   */
  private static void deleteRowsOfPartition(Path table, String partition, int... rowIndexes)
      throws Exception {
    Path log = table.resolve("_delta_log");
    String add = Files.readAllLines(log.resolve(String.format("%020d.json", 1))).stream()
        .filter(line -> line.startsWith("{\"add\"") && line.contains(partition + "/"))
        .findFirst().orElseThrow();
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode file =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(add).get("add");
    byte[] dv = inlineDeletionVector(rowIndexes);
    com.fasterxml.jackson.databind.node.ObjectNode remove = json.createObjectNode()
        .put("path", file.get("path").asText())
        .put("deletionTimestamp", System.currentTimeMillis())
        .put("dataChange", true)
        .put("extendedFileMetadata", true)
        .put("size", file.get("size").asLong());
    remove.set("partitionValues", file.get("partitionValues"));
    file.putObject("deletionVector")
        .put("storageType", "i")
        .put("pathOrInlineDv",
            io.delta.kernel.internal.deletionvectors.Base85Codec.encodeBytes(dv))
        .put("sizeInBytes", dv.length)
        .put("cardinality", rowIndexes.length);
    String commit = json.createObjectNode().set("remove", remove) + "\n"
        + json.createObjectNode().set("add", file) + "\n";
    Files.writeString(log.resolve(String.format("%020d.json", 2)), commit);
  }

  /** Delta's RoaringBitmapArray in its native format: magic, count, then (size, bitmap). */
  private static byte[] inlineDeletionVector(int... rowIndexes) {
    RoaringBitmap bitmap = RoaringBitmap.bitmapOf(rowIndexes);
    bitmap.runOptimize();
    int size = bitmap.serializedSizeInBytes();
    ByteBuffer buffer = ByteBuffer.allocate(12 + size).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(1681511376).putInt(1).putInt(size);
    bitmap.serialize(buffer);
    return buffer.array();
  }
}
