package io.sluice.connectors.delta;

import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static io.sluice.connectors.delta.TestTables.expected;
import static io.sluice.connectors.delta.TestTables.readIdName;
import static io.sluice.connectors.delta.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // test harnesses declare close() throws Exception
class DeltaCommitterOperatorTest {
  @TempDir Path dir;
  private String table;
  private DeltaSinkConfig append;

  @BeforeEach
  void createTable() {
    table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, List.of(), Map.of());
    append = DeltaSink.builder(table, ID_NAME).applicationId("app").uidPrefix("t").config();
  }

  @Test
  void commitsACheckpointOnlyWhenItCompletes() throws Exception {
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = streaming(append, null)) {
      send(committer, files(append, 1L, rows(0, 3)));
      committer.snapshot(1L, 1L);
      assertThat(readIdName(table)).isEmpty();

      committer.notifyOfCompletedCheckpoint(1L);

      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 3));
      assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(1L);
      assertThat(TestTables.operations(dir.resolve("t")))
          .containsExactly("CREATE TABLE", "STREAMING UPDATE");
      assertThat(rowsCommitted(committer)).isEqualTo(3L);
    }
  }

  @Test
  void checkpointWithoutFilesCommitsNothing() throws Exception {
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = streaming(append, null)) {
      committer.snapshot(1L, 1L);
      committer.notifyOfCompletedCheckpoint(1L);

      assertThat(DeltaTable.forPath(table).latestVersion()).isZero();
    }
  }

  @Test
  void aLateNotificationCommitsEveryPendingCheckpointInOrder() throws Exception {
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = streaming(append, null)) {
      send(committer, files(append, 1L, rows(0, 2)));
      committer.snapshot(1L, 1L);
      send(committer, files(append, 2L, rows(2, 4)));
      send(committer, files(append, 3L, rows(4, 6)));
      committer.snapshot(2L, 2L);

      committer.notifyOfCompletedCheckpoint(2L);

      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 4));
      assertThat(DeltaTable.forPath(table).latestVersion()).isEqualTo(2L);
      assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(2L);
    }
  }

  @Test
  void restoringCommitsPendingFilesOnceHoweverOftenItIsReplayed() throws Exception {
    OperatorSubtaskState state;
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = streaming(append, null)) {
      send(committer, files(append, 1L, rows(0, 2)));
      committer.snapshot(1L, 1L);
      committer.notifyOfCompletedCheckpoint(1L);
      send(committer, files(append, 2L, rows(2, 5)));
      state = committer.snapshot(2L, 2L);
      // the process dies before checkpoint 2's notification
    }
    assertThat(readIdName(table)).hasSize(2);

    for (int attempt = 0; attempt < 2; attempt++) {
      try (OneInputStreamOperatorTestHarness<byte[], Void> committer = streaming(append, state)) {
        committer.notifyOfCompletedCheckpoint(2L);
      }
    }

    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 5));
    assertThat(DeltaTable.forPath(table).latestVersion()).isEqualTo(2L);
  }

  @Test
  void filesFlushedAtEndOfInputGoWithTheFinalCheckpoint() throws Exception {
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = streaming(append, null)) {
      send(committer, files(append, DeltaCommittable.END_OF_INPUT, rows(0, 2)));
      committer.endInput();
      assertThat(readIdName(table)).isEmpty();

      committer.snapshot(5L, 5L);
      committer.notifyOfCompletedCheckpoint(5L);

      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 2));
      assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(5L);
    }
  }

  @Test
  void withoutCheckpointsCommitsOnceAtEndOfInput() throws Exception {
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = batch(append)) {
      send(committer, files(append, DeltaCommittable.END_OF_INPUT, rows(0, 2)));
      send(committer, files(append, DeltaCommittable.END_OF_INPUT, rows(2, 3)));
      assertThat(readIdName(table)).isEmpty();

      committer.endInput();

      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 3));
      assertThat(TestTables.operations(dir.resolve("t"))).containsExactly("CREATE TABLE", "WRITE");
    }
  }

  @Test
  void overwriteReplacesContentAndSchemaInOneCommit() throws Exception {
    commitBatch(append, rows(0, 3));
    RowType wider = (RowType) DataTypes.ROW(
        DataTypes.FIELD("id", DataTypes.BIGINT()),
        DataTypes.FIELD("name", DataTypes.STRING()),
        DataTypes.FIELD("score", DataTypes.INT())).notNull().getLogicalType();
    DeltaSinkConfig overwrite = DeltaSink.builder(table, wider).mode(WriteMode.OVERWRITE)
        .uidPrefix("t").config();

    commitBatch(overwrite, List.of(GenericRowData.of(7L, StringData.fromString("n7"), 1)));

    assertThat(readIdName(table)).containsExactly("7,n7");
    assertThat(DeltaTable.forPath(table).schema()).isEqualTo(wider);
    assertThat(TestTables.operations(dir.resolve("t")))
        .containsExactly("CREATE TABLE", "WRITE", "REPLACE TABLE");
  }

  @Test
  void overwriteWithNoRowsLeavesAnEmptyTable() throws Exception {
    commitBatch(append, rows(0, 3));
    DeltaSinkConfig overwrite = DeltaSink.builder(table, ID_NAME).mode(WriteMode.OVERWRITE)
        .uidPrefix("t").config();

    commitBatch(overwrite, List.of());

    assertThat(readIdName(table)).isEmpty();
    assertThat(DeltaTable.forPath(table).latestVersion()).isEqualTo(2L);
  }

  @Test
  void overwriteCreatesAMissingTable() throws Exception {
    String other = TestTables.uri(dir.resolve("new"));
    DeltaSinkConfig overwrite = DeltaSink.builder(other, ID_NAME).mode(WriteMode.OVERWRITE)
        .partitionColumns(List.of("name")).uidPrefix("t").config();

    commitBatch(overwrite, rows(0, 2));

    assertThat(readIdName(other)).containsExactlyInAnyOrderElementsOf(expected(0, 2));
    assertThat(DeltaTable.forPath(other).partitionColumns()).containsExactly("name");
  }

  @Test
  void refusesToOverwriteFromAJobWithCheckpoints() throws Exception {
    DeltaSinkConfig overwrite = DeltaSink.builder(table, ID_NAME).mode(WriteMode.OVERWRITE)
        .uidPrefix("t").config();
    OneInputStreamOperatorTestHarness<byte[], Void> committer =
        new OneInputStreamOperatorTestHarness<>(new DeltaCommitterOperator(overwrite));
    committer.getStreamConfig().setCheckpointingEnabled(true);

    assertThatThrownBy(committer::open)
        .hasMessageStartingWith("Cannot overwrite Delta table " + table + " from a job with "
            + "checkpointing")
        .hasMessageContaining("execution.runtime-mode BATCH");
  }

  @Test
  void refusesUnalignedCheckpoints() throws Exception {
    OneInputStreamOperatorTestHarness<byte[], Void> committer =
        new OneInputStreamOperatorTestHarness<>(new DeltaCommitterOperator(append));
    committer.getStreamConfig().setCheckpointingEnabled(true);
    committer.getStreamConfig().setUnalignedCheckpointsEnabled(true);

    assertThatThrownBy(committer::open)
        .hasMessageStartingWith("Cannot commit to Delta table " + table
            + " with unaligned checkpoints");
  }

  private void commitBatch(DeltaSinkConfig config, List<RowData> rows) throws Exception {
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = batch(config)) {
      send(committer, files(config, DeltaCommittable.END_OF_INPUT, rows));
      committer.endInput();
    }
  }

  /** Data files written the way writers do, tagged with a checkpoint id. */
  static List<DeltaCommittable> files(DeltaSinkConfig config, long checkpointId,
      List<RowData> rows) throws Exception {
    io.delta.kernel.engine.Engine engine = config.newEngine();
    DataFileWriter writer = new DataFileWriter(engine,
        new WriteTransactions(config, engine).forWriters(), config.rowType());
    PartitionValues partitions = new PartitionValues(config.rowType(), config.partitionColumns());
    List<DeltaCommittable> files = new ArrayList<>();
    for (RowData row : rows) {
      for (DeltaCommittable file : writer.write(partitions.of(row), List.of(row))) {
        files.add(file.withCheckpointId(checkpointId));
      }
    }
    return files;
  }

  static void send(OneInputStreamOperatorTestHarness<byte[], Void> committer,
      List<DeltaCommittable> files) throws Exception {
    for (DeltaCommittable file : files) {
      committer.processElement(DeltaCommittableSerializer.INSTANCE.toBytes(file), 0L);
    }
  }

  static OneInputStreamOperatorTestHarness<byte[], Void> streaming(
      DeltaSinkConfig config, OperatorSubtaskState state) throws Exception {
    OneInputStreamOperatorTestHarness<byte[], Void> harness =
        new OneInputStreamOperatorTestHarness<>(new DeltaCommitterOperator(config));
    harness.getStreamConfig().setCheckpointingEnabled(true);
    if (state != null) {
      harness.initializeState(state);
    }
    harness.open();
    return harness;
  }

  private static OneInputStreamOperatorTestHarness<byte[], Void> batch(DeltaSinkConfig config)
      throws Exception {
    OneInputStreamOperatorTestHarness<byte[], Void> harness =
        new OneInputStreamOperatorTestHarness<>(new DeltaCommitterOperator(config));
    harness.getStreamConfig().setCheckpointingEnabled(false);
    harness.open();
    return harness;
  }

  private static long rowsCommitted(OneInputStreamOperatorTestHarness<byte[], Void> harness) {
    return ((LongCounter) harness.getEnvironment().getAccumulatorRegistry().getUserMap()
        .get(DeltaSink.rowsCommittedAccumulator("t"))).getLocalValue();
  }
}
