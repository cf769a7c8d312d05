package io.sluice.runtime.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.LogicalType;
import org.junit.jupiter.api.Test;

class ChangeLayoutTest {
  private static final int[] VALUES = Cdc.VALUES;
  private static final LogicalType[] TYPES = Cdc.VALUE_TYPES;
  private static final int[] SEQ = {3};
  private static final LogicalType[] SEQ_TYPES = {new BigIntType()};

  @Test
  void tracksEveryColumnByDefaultAndGivesTheTargetTypes() {
    ChangeLayout scd2 = new ChangeLayout(VALUES, TYPES, SEQ, SEQ_TYPES, -1, false, 2, null, 0);

    assertThat(scd2.tracked()).containsExactly(true, true, true);
    assertThat(scd2.targetTypes()).containsExactly(TYPES[0], TYPES[1], TYPES[2], new BigIntType(false),
        new BigIntType(true));
    assertThat(Cdc.scd1(false).targetTypes()).containsExactly(TYPES);
  }

  @Test
  void copiesTheArraysItIsGiven() {
    int[] values = VALUES.clone();
    ChangeLayout layout = new ChangeLayout(values, TYPES, SEQ, SEQ_TYPES, -1, false, 1, null, 0);
    values[0] = 99;

    assertThat(layout.valueFields()).containsExactly(VALUES);
  }

  @Test
  void rejectsWhatItCannotApply() {
    assertThatThrownBy(() -> new ChangeLayout(VALUES, new LogicalType[] {TYPES[0]}, SEQ, SEQ_TYPES, -1, false, 1,
        null, 0)).hasMessage("Cannot apply changes: 3 value fields with 1 value types; give one type per target"
            + " value column");
    assertThatThrownBy(() -> new ChangeLayout(VALUES, TYPES, SEQ, new LogicalType[] {new BooleanType()}, -1, false,
        1, null, 0)).hasMessageStartingWith("Cannot apply changes: cannot order sequences of type BOOLEAN");
    assertThatThrownBy(() -> new ChangeLayout(VALUES, TYPES, SEQ, new LogicalType[] {new ArrayType(TYPES[0])}, -1,
        false, 1, null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChangeLayout(VALUES, TYPES, new int[0], new LogicalType[0], -1, false, 1, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChangeLayout(VALUES, TYPES, SEQ, SEQ_TYPES, -1, false, 3, null, 0))
        .hasMessage("Cannot apply changes: SCD type 3; use 1 or 2");
    assertThatThrownBy(() -> new ChangeLayout(VALUES, TYPES, SEQ, SEQ_TYPES, -1, false, 2, new boolean[1], 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 tracked flags for 3 value columns");
    assertThatThrownBy(() -> new ChangeLayout(VALUES, TYPES, SEQ, SEQ_TYPES, -2, false, 1, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChangeLayout(VALUES, TYPES, SEQ, SEQ_TYPES, -1, false, 1, null, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
