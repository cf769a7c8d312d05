package io.sluice.connectors.delta;

import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static io.sluice.connectors.delta.TestTables.row;
import static io.sluice.connectors.delta.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // test harnesses declare close() throws Exception
class DeltaWriterOperatorTest {
  @TempDir Path dir;

  @Test
  void sendsFilesOnlyBeforeTheBarrierTaggedWithTheCheckpoint() throws Exception {
    String table = createTable(List.of());
    try (OneInputStreamOperatorTestHarness<RowData, byte[]> writer = open(table, 2)) {
      for (RowData row : rows(0, 5)) {
        writer.processElement(row, 0L);
      }
      assertThat(writer.extractOutputValues()).isEmpty();

      writer.prepareSnapshotPreBarrier(7L);

      List<DeltaCommittable> files = decode(writer.extractOutputValues());
      assertThat(files).extracting(DeltaCommittable::rowCount).containsExactly(2L, 2L, 1L);
      assertThat(files).allSatisfy(file -> {
        assertThat(file.checkpointId()).isEqualTo(7L);
        assertThat(Files.size(Path.of(java.net.URI.create(file.path())))).isEqualTo(file.size());
        assertThat(file.statsJson()).contains("\"numRecords\"");
      });
      assertThat(rowsWritten(writer)).isEqualTo(5L);
    }
  }

  @Test
  void emptyCheckpointSendsNothingAndEndOfInputFlushesTheRest() throws Exception {
    String table = createTable(List.of());
    try (OneInputStreamOperatorTestHarness<RowData, byte[]> writer = open(table, 100)) {
      writer.prepareSnapshotPreBarrier(1L);
      assertThat(writer.extractOutputValues()).isEmpty();

      writer.processElement(row(1, "a"), 0L);
      writer.endInput();

      assertThat(decode(writer.extractOutputValues()))
          .extracting(DeltaCommittable::checkpointId)
          .containsExactly(DeltaCommittable.END_OF_INPUT);
    }
  }

  @Test
  void writesOneFileSetPerPartitionWithoutThePartitionColumn() throws Exception {
    String table = createTable(List.of("name"));
    try (OneInputStreamOperatorTestHarness<RowData, byte[]> writer = open(table, 100)) {
      writer.processElement(row(1, "a"), 0L);
      writer.processElement(row(2, "b"), 0L);
      writer.processElement(row(3, "a"), 0L);
      writer.prepareSnapshotPreBarrier(1L);

      List<DeltaCommittable> files = decode(writer.extractOutputValues());
      assertThat(files).extracting(DeltaCommittable::partitionValues)
          .containsExactlyInAnyOrder(Map.of("name", "a"), Map.of("name", "b"));
      assertThat(files).extracting(DeltaCommittable::path)
          .allSatisfy(path -> assertThat(path).containsPattern("/name=[ab]/"));
      assertThat(files.stream().mapToLong(DeltaCommittable::rowCount).sum()).isEqualTo(3L);
    }
  }

  @Test
  void refusesToAppendRowsOfAnotherSchema() throws Exception {
    String table = createTable(List.of());
    RowType other = (RowType) DataTypes.ROW(DataTypes.FIELD("id", DataTypes.INT()))
        .notNull().getLogicalType();
    DeltaSinkConfig config = DeltaSink.builder(table, other).applicationId("app")
        .uidPrefix("t").config();

    try (OneInputStreamOperatorTestHarness<RowData, byte[]> writer =
        new OneInputStreamOperatorTestHarness<>(new DeltaWriterOperator(config))) {
      assertThatThrownBy(writer::open)
          .hasMessageStartingWith("Cannot append to Delta table " + table)
          .hasMessageContaining("column id is BIGINT in the table but INT in the definition")
          .hasMessageContaining("column name is in the table but not in the definition");
    }
  }

  private String createTable(List<String> partitions) {
    String table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, partitions, Map.of());
    return table;
  }

  private static OneInputStreamOperatorTestHarness<RowData, byte[]> open(String table,
      int targetFileRows) throws Exception {
    DeltaSinkConfig config = DeltaSink.builder(table, ID_NAME).applicationId("app")
        .uidPrefix("t").targetFileRows(targetFileRows).config();
    OneInputStreamOperatorTestHarness<RowData, byte[]> harness =
        new OneInputStreamOperatorTestHarness<>(new DeltaWriterOperator(config));
    harness.open();
    return harness;
  }

  static List<DeltaCommittable> decode(List<byte[]> output) {
    return output.stream().map(DeltaCommittableSerializer.INSTANCE::fromBytes)
        .collect(Collectors.toList());
  }

  private static long rowsWritten(OneInputStreamOperatorTestHarness<RowData, byte[]> harness) {
    return ((LongCounter) harness.getEnvironment().getAccumulatorRegistry().getUserMap()
        .get(DeltaSink.rowsWrittenAccumulator("t"))).getLocalValue();
  }
}
