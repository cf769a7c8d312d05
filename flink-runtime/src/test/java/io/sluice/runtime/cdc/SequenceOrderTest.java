package io.sluice.runtime.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;

class SequenceOrderTest {

  @Test
  void ordersBigintsByValueNotByTheirDigits() {
    SequenceOrder order = new SequenceOrder(new LogicalType[] {new BigIntType()});

    assertThat(order.compare(GenericRowData.of(9L), GenericRowData.of(10L))).isNegative();
    assertThat(order.compare(GenericRowData.of(10L), GenericRowData.of(9L))).isPositive();
    assertThat(order.compare(GenericRowData.of(-5L), GenericRowData.of(3L))).isNegative();
    assertThat(order.compare(GenericRowData.of(Long.MAX_VALUE), GenericRowData.of(Long.MIN_VALUE))).isPositive();
    assertThat(order.compare(GenericRowData.of(7L), GenericRowData.of(7L))).isZero();
  }

  @Test
  void comparesSeveralFieldsLeftToRight() {
    SequenceOrder order = new SequenceOrder(new LogicalType[] {new BigIntType(), new IntType()});

    assertThat(order.compare(GenericRowData.of(1L, 9), GenericRowData.of(2L, 0))).as("first field decides")
        .isNegative();
    assertThat(order.compare(GenericRowData.of(2L, 0), GenericRowData.of(1L, 9))).isPositive();
    assertThat(order.compare(GenericRowData.of(1L, 5), GenericRowData.of(1L, 4))).as("tie broken by the second")
        .isPositive();
    assertThat(order.compare(GenericRowData.of(1L, 5), GenericRowData.of(1L, 5))).isZero();
  }

  @Test
  void ordersStringsByCodePoint() {
    SequenceOrder order = new SequenceOrder(new LogicalType[] {VarCharType.STRING_TYPE});

    assertThat(order.compare(text("apple"), text("banana"))).isNegative();
    assertThat(order.compare(text("b"), text("ab"))).isPositive();
    assertThat(order.compare(text("a"), text("ab"))).as("a prefix comes first").isNegative();
    assertThat(order.compare(text("B"), text("a"))).as("upper case before lower case").isNegative();
    assertThat(order.compare(text("é"), text("z"))).as("U+00E9 after U+007A").isPositive();
    assertThat(order.compare(text("2024-01-10"), text("2024-01-10"))).isZero();
  }

  @Test
  void ordersTimestampsDownToTheNanosecond() {
    SequenceOrder order = new SequenceOrder(new LogicalType[] {new TimestampType(9)});
    GenericRowData early = GenericRowData.of(TimestampData.fromEpochMillis(1_000, 999_999));
    GenericRowData later = GenericRowData.of(TimestampData.fromEpochMillis(1_001, 0));
    GenericRowData laterByANano = GenericRowData.of(TimestampData.fromEpochMillis(1_001, 1));

    assertThat(order.compare(early, later)).isNegative();
    assertThat(order.compare(laterByANano, later)).isPositive();
    assertThat(order.compare(GenericRowData.of(TimestampData.fromEpochMillis(-1)), early)).isNegative();
    assertThat(order.compare(later, GenericRowData.of(TimestampData.fromEpochMillis(1_001)))).isZero();
  }

  @Test
  void ordersDecimalsByValue() {
    SequenceOrder order = new SequenceOrder(new LogicalType[] {new DecimalType(10, 2)});

    assertThat(order.compare(decimal("9.99"), decimal("10.00"))).isNegative();
    assertThat(order.compare(decimal("-0.01"), decimal("0.00"))).isNegative();
  }

  @Test
  void rejectsANullSequence() {
    SequenceOrder order = new SequenceOrder(new LogicalType[] {new BigIntType()});

    assertThatThrownBy(() -> order.compare(GenericRowData.of((Object) null), GenericRowData.of(1L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Cannot compare sequences");
  }

  private static GenericRowData text(String s) {
    return GenericRowData.of(StringData.fromString(s));
  }

  private static GenericRowData decimal(String s) {
    return GenericRowData.of(DecimalData.fromBigDecimal(new BigDecimal(s), 10, 2));
  }
}
