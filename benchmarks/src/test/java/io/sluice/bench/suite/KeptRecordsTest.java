package io.sluice.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connectors.delta.DeltaTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** W5's check of the outputs: what was sent, as a checksum, against a Delta table and topic values. */
class KeptRecordsTest {
  private static final RowType ROW = RowType.of(new LogicalType[] {new BigIntType(), new BigIntType(),
      new BigIntType()}, new String[] {"sent_at", "v", "id"}); // column order does not matter

  @TempDir
  Path dir;

  private final RateProducer.Sent sent = new RateProducer.Sent(1_000, new long[] {1_000, 1_001, 1_002, 1_003, 1_005});

  @Test
  void everyHundredthRecordIsDropped() {
    assertThat(new RateProducer.Sent(0, new long[250]).kept()).isEqualTo(247);
    assertThat(RateProducer.Sent.v(200)).isEqualTo(-1);
    assertThat(RateProducer.Sent.v(201)).isEqualTo(201);
  }

  @Test
  void theTableOfTheKeptRecordsHasTheirChecksum() {
    assertThat(TableChecksum.of(table("kept", 1, 2, 3, 4))).isEqualTo(sent.keptChecksum());
    assertThat(sent.keptChecksum().rows()).isEqualTo(4);
  }

  @Test
  void aDroppedRecordInTheTableOrAMissingOneChangesTheChecksum() {
    assertThat(TableChecksum.of(table("with_dropped", 0, 1, 2, 3, 4))).isNotEqualTo(sent.keptChecksum());
    assertThat(TableChecksum.of(table("missing", 1, 2, 3))).isNotEqualTo(sent.keptChecksum());
  }

  @Test
  void topicValuesAreReadWhateverTheirFieldOrderAndSpacing() {
    assertThat(SinkWatcher.parse("{ \"sent_at\": 1005, \"v\": 4, \"id\": 4 }")).containsExactly(4, 4, 1005);
    assertThatThrownBy(() -> SinkWatcher.parse("{\"id\":1,\"v\":1}")).hasMessageContaining("sent_at");
  }

  private Path table(String name, long... ids) {
    Path path = dir.resolve(name);
    DeltaTable table = DeltaTable.forPath(path.toUri().toString());
    table.create(ROW, List.of(), Map.of());
    List<RowData> rows = new ArrayList<>();
    for (long id : ids) {
      rows.add(GenericRowData.of(sent.sentAt()[(int) id], RateProducer.Sent.v(id), id));
    }
    table.append(ROW, rows);
    return path;
  }
}
