package io.sluice.connectors.delta;

import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static io.sluice.connectors.delta.TestTables.expected;
import static io.sluice.connectors.delta.TestTables.readIdName;
import static io.sluice.connectors.delta.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.connectors.progress.PublishGate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committer with a publish gate: a triggered run becomes visible at once, or not at all. */
@SuppressWarnings("try")
class DeltaCommitterGateTest {
  @TempDir Path dir;
  private String table;

  @BeforeEach
  void createTable() {
    table = TestTables.uri(dir.resolve("t"));
    DeltaTable.forPath(table).create(ID_NAME, List.of(), Map.of());
  }

  private DeltaSinkConfig gated(String update) {
    return DeltaSink.builder(table, ID_NAME).applicationId("app").uidPrefix("t")
        .publishGate(PublishGate.at(dir.resolve(update).toUri().toString())).config();
  }

  @Test
  void checkpointsPublishNothingUntilTheGateOpensThenEverythingInOneCommit() throws Exception {
    DeltaSinkConfig config = gated("u1");
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = DeltaCommitterOperatorTest.streaming(config, null)) {
      DeltaCommitterOperatorTest.send(committer, DeltaCommitterOperatorTest.files(config, 1L, rows(0, 2)));
      committer.snapshot(1L, 1L);
      committer.notifyOfCompletedCheckpoint(1L);
      DeltaCommitterOperatorTest.send(committer, DeltaCommitterOperatorTest.files(config, 2L, rows(2, 4)));
      committer.snapshot(2L, 2L);
      committer.notifyOfCompletedCheckpoint(2L);
      assertThat(readIdName(table)).isEmpty();

      config.gate().openFrom(3L);
      DeltaCommitterOperatorTest.send(committer, DeltaCommitterOperatorTest.files(config, 3L, rows(4, 5)));
      committer.snapshot(3L, 3L);
      committer.notifyOfCompletedCheckpoint(3L);

      assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 5));
      assertThat(DeltaTable.forPath(table).latestVersion()).as("one commit for the whole run").isEqualTo(1L);
      assertThat(DeltaTable.forPath(table).latestTransactionVersion("app")).contains(3L);
    }
  }

  @Test
  void aFailedRunPublishesNothing() throws Exception {
    DeltaSinkConfig config = gated("u1");
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = DeltaCommitterOperatorTest.streaming(config, null)) {
      DeltaCommitterOperatorTest.send(committer, DeltaCommitterOperatorTest.files(config, 1L, rows(0, 3)));
      committer.snapshot(1L, 1L);
      committer.notifyOfCompletedCheckpoint(1L);
      // the job fails here: the gate never opens
    }
    assertThat(readIdName(table)).isEmpty();
    assertThat(DeltaTable.forPath(table).latestVersion()).isZero();
  }

  @Test
  void aResumedRunPublishesOnlyWhatTheCrashedRunHadNotPublished() throws Exception {
    DeltaSinkConfig first = gated("u1");
    OperatorSubtaskState afterPublish;
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = DeltaCommitterOperatorTest.streaming(first, null)) {
      DeltaCommitterOperatorTest.send(committer, DeltaCommitterOperatorTest.files(first, 1L, rows(0, 2)));
      committer.snapshot(1L, 1L);
      first.gate().openFrom(2L);
      DeltaCommitterOperatorTest.send(committer, DeltaCommitterOperatorTest.files(first, 2L, rows(2, 3)));
      afterPublish = committer.snapshot(2L, 2L);
      committer.notifyOfCompletedCheckpoint(2L);
      // published, then the process dies before the run could record its savepoint
    }
    assertThat(readIdName(table)).hasSize(3);

    DeltaSinkConfig second = gated("u2");
    try (OneInputStreamOperatorTestHarness<byte[], Void> committer = DeltaCommitterOperatorTest.streaming(second, afterPublish)) {
      assertThat(readIdName(table)).as("a closed gate publishes nothing on restore").hasSize(3);
      DeltaCommitterOperatorTest.send(committer, DeltaCommitterOperatorTest.files(second, 3L, rows(3, 5)));
      committer.snapshot(3L, 3L);
      second.gate().openFrom(4L);
      committer.snapshot(4L, 4L);
      committer.notifyOfCompletedCheckpoint(4L);
    }
    assertThat(readIdName(table)).containsExactlyInAnyOrderElementsOf(expected(0, 5));
  }
}
