package io.sluice.connectors.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaCommittableSerializerTest {
  private final DeltaCommittableSerializer serializer = DeltaCommittableSerializer.INSTANCE;

  @Test
  void roundTripsNullPartitionValuesMissingStatsAndHugeStats() {
    Map<String, String> partition = new LinkedHashMap<>();
    partition.put("day", "19000");
    partition.put("country", null);
    DeltaCommittable withoutStats = new DeltaCommittable(3L, "file:/t/day=1/part-é.parquet",
        10L, 20L, partition, null, 5L);
    DeltaCommittable hugeStats = new DeltaCommittable(DeltaCommittable.END_OF_INPUT,
        "file:/t/a.parquet", 1L, 2L, Map.of(), "{\"x\":\"" + "y".repeat(100_000) + "\"}", 1L);

    assertThat(serializer.fromBytes(serializer.toBytes(withoutStats))).isEqualTo(withoutStats);
    assertThat(serializer.fromBytes(serializer.toBytes(hugeStats))).isEqualTo(hugeStats);
    assertThat(serializer.fromBytes(serializer.toBytes(withoutStats)).partitionValues().keySet())
        .containsExactly("day", "country");
  }

  @Test
  void refusesAFormatVersionItDoesNotKnow() {
    assertThatThrownBy(() -> serializer.deserialize(2, new byte[0]))
        .hasMessageStartingWith("Cannot read a Delta committable of format version 2");
  }
}
