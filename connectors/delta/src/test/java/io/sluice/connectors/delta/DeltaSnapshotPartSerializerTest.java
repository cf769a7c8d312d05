package io.sluice.connectors.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaSnapshotPartSerializerTest {
  private final DeltaSnapshotPartSerializer serializer = DeltaSnapshotPartSerializer.INSTANCE;

  @Test
  void roundTripsPartsWithAndWithoutFiles() {
    DeltaSnapshotPart full = new DeltaSnapshotPart(7L, 1, 3, List.of(
        new DeltaCommittable(7L, "file:/t/a.parquet", 10L, 20L, Map.of("day", "1"), "{}", 4L),
        new DeltaCommittable(7L, "file:/t/b.parquet", 11L, 21L, Map.of(), null, 2L)));
    DeltaSnapshotPart empty =
        new DeltaSnapshotPart(DeltaCommittable.END_OF_INPUT, 0, 1, List.of());

    assertThat(serializer.fromBytes(serializer.toBytes(full))).isEqualTo(full);
    assertThat(serializer.fromBytes(serializer.toBytes(empty))).isEqualTo(empty);
    assertThat(full.rowCount()).isEqualTo(6L);
  }

  @Test
  void refusesAFormatVersionItDoesNotKnow() {
    assertThatThrownBy(() -> serializer.deserialize(2, new byte[0]))
        .hasMessageStartingWith("Cannot read a Delta snapshot part of format version 2");
  }
}
