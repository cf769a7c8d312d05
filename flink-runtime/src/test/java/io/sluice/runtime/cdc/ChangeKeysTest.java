package io.sluice.runtime.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class ChangeKeysTest {
  private static final int[] FIELDS = {1, 0};
  private static final LogicalType[] TYPES = {Cdc.INPUT[1], Cdc.INPUT[0]};

  @Test
  void equalKeyValuesGiveEqualKeysWithTheSameHashWhateverTheRowsForm() throws Exception {
    KeySelector<RowData, RowData> keys = InstantiationUtil.clone(ChangeKeys.keySelector(FIELDS, TYPES));
    GenericRowData generic = Cdc.upsert(7, "a", 1L, 1);
    RowData binary = new RowDataSerializer(Cdc.INPUT).toBinaryRow(Cdc.upsert(7, "a", 2L, 9)).copy();

    RowData key = keys.getKey(generic);
    assertThat(key).isEqualTo(keys.getKey(binary)).hasSameHashCodeAs(keys.getKey(binary));
    assertThat(key.getString(0)).isEqualTo(StringData.fromString("a"));
    assertThat(key.getInt(1)).isEqualTo(7);
    assertThat(key).isNotEqualTo(keys.getKey(Cdc.upsert(8, "a", 1L, 1)));
  }

  @Test
  void aKeyDoesNotChangeWhenTheInputRowIsReused() throws Exception {
    KeySelector<RowData, RowData> keys = ChangeKeys.keySelector(FIELDS, TYPES);
    RowDataSerializer reusing = new RowDataSerializer(Cdc.INPUT);
    RowData first = keys.getKey(reusing.toBinaryRow(Cdc.upsert(1, "first", 1L, 1)));
    keys.getKey(reusing.toBinaryRow(Cdc.upsert(2, "second", 1L, 1)));

    assertThat(first.getString(0).toString()).isEqualTo("first");
  }

  @Test
  void givesTheKeysTypeAndRejectsMismatchedTypes() {
    assertThat(ChangeKeys.keyType(TYPES).toRowType()).isEqualTo(RowType.of(TYPES));
    assertThatThrownBy(() -> ChangeKeys.keySelector(FIELDS, new LogicalType[] {Cdc.INPUT[0]}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Cannot key change events");
  }
}
