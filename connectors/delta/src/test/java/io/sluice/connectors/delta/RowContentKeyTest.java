package io.sluice.connectors.delta;

import static io.sluice.connectors.delta.TestTables.ID_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;

class RowContentKeyTest {
  private final RowContentKey key = new RowContentKey(ID_NAME);

  @Test
  void changesOfTheSameValuesShareAKeyWhateverTheirKindOrFormat() {
    GenericRowData insert = GenericRowData.ofKind(RowKind.INSERT, 7L, StringData.fromString("x"));
    GenericRowData delete = GenericRowData.ofKind(RowKind.DELETE, 7L, StringData.fromString("x"));
    BinaryRowData binary = new RowDataSerializer(ID_NAME).toBinaryRow(
        GenericRowData.ofKind(RowKind.UPDATE_BEFORE, 7L, StringData.fromString("x"))).copy();

    List<RowData> keys = List.of(key.getKey(insert), key.getKey(delete), key.getKey(binary));

    assertThat(keys).allSatisfy(k -> {
      assertThat(k).isEqualTo(keys.get(0));
      assertThat(k.getRowKind()).isEqualTo(RowKind.INSERT);
      assertThat(KeyGroupRangeAssignment.assignToKeyGroup(k, 128))
          .isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup(keys.get(0), 128));
    });
    assertThat(binary.getRowKind()).as("the input is not changed").isEqualTo(RowKind.UPDATE_BEFORE);
    assertThat(key.getKey(GenericRowData.of(7L, StringData.fromString("y"))))
        .isNotEqualTo(keys.get(0));
  }

  @Test
  void keysSurviveTheirSerializer() throws Exception {
    RowData original = key.getKey(GenericRowData.of(1L, null));
    TypeSerializer<RowData> serializer = key.keyType().createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(original, out);

    RowData restored = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertThat(restored).isEqualTo(original);
    assertThat(restored.hashCode()).isEqualTo(original.hashCode());
  }
}
