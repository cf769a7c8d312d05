package io.sluice.connectors.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class DeltaSnapshotPartSerializerTest {
  private final DeltaSnapshotPartSerializer serializer = DeltaSnapshotPartSerializer.INSTANCE;

  @Test
  void roundTripsPartsWithAndWithoutFiles() {
    Map<String, String> nullDay = new java.util.HashMap<>();
    nullDay.put("day", null);
    DeltaSnapshotPart full = new DeltaSnapshotPart(7L, 1, 3, List.of(
        new DeltaSnapshotBucket(Map.of("day", "1"), 2, 3, List.of(new DeltaCommittable(
            7L, "file:/t/a.parquet", 10L, 20L, Map.of("day", "1"), "{}", 4L))),
        new DeltaSnapshotBucket(nullDay, 0, 1, List.of(new DeltaCommittable(
            5L, "file:/t/b.parquet", 11L, 21L, nullDay, null, 2L)))));
    DeltaSnapshotPart empty =
        new DeltaSnapshotPart(DeltaCommittable.END_OF_INPUT, 0, 1, List.of());

    assertThat(serializer.fromBytes(serializer.toBytes(full))).isEqualTo(full);
    assertThat(serializer.fromBytes(serializer.toBytes(empty))).isEqualTo(empty);
    assertThat(full.rowCount()).isEqualTo(6L);
  }

  @Test
  void readsAVersionOnePartAsOneBucketHoldingAllFiles() throws Exception {
    DeltaCommittable a =
        new DeltaCommittable(7L, "file:/t/a.parquet", 10L, 20L, Map.of(), "{}", 4L);
    DeltaCommittable b = new DeltaCommittable(7L, "file:/t/b.parquet", 11L, 21L, Map.of(), null, 2L);
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeLong(7L);
    out.writeInt(1);
    out.writeInt(3);
    out.writeInt(2);
    for (DeltaCommittable file : List.of(a, b)) {
      byte[] bytes = DeltaCommittableSerializer.INSTANCE.toBytes(file);
      out.writeInt(bytes.length);
      out.write(bytes);
    }

    DeltaSnapshotPart part = serializer.deserialize(1, out.getCopyOfBuffer());

    assertThat(part).isEqualTo(new DeltaSnapshotPart(7L, 1, 3,
        List.of(new DeltaSnapshotBucket(Map.of(), 0, 1, List.of(a, b)))));
    assertThat(part.files()).containsExactly(a, b);
  }

  @Test
  void refusesAFormatVersionItDoesNotKnow() {
    assertThatThrownBy(() -> serializer.deserialize(3, new byte[0]))
        .hasMessageStartingWith("Cannot read a Delta snapshot part of format version 3");
  }
}
