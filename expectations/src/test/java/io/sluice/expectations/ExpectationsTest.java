package io.sluice.expectations;

import static io.sluice.core.model.ViolationAction.DROP;
import static io.sluice.core.model.ViolationAction.QUARANTINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;

class ExpectationsTest {
  private static final RowType DATA = RowType.of(
      new LogicalType[] {new IntType(), new DecimalType(10, 2)}, new String[] {"id", "amount"});
  private static final ExpectationSet SET = new ExpectationSet("f", "orders", "u", DATA,
      List.of(new Check("valid_id", DROP), new Check("positive_amount", QUARANTINE)));

  @Test
  void quarantineRowsAreTheDataColumnsThenFailedNamesUpdateIdFlowAndTime() {
    RowType type = Expectations.quarantineType(DATA);

    assertThat(type.getFieldNames()).containsExactly("id", "amount",
        "_failed_expectations", "_update_id", "_flow", "_quarantined_at");
    assertThat(type.getChildren()).containsExactly(new IntType(), new DecimalType(10, 2),
        new ArrayType(VarCharType.STRING_TYPE), VarCharType.STRING_TYPE, VarCharType.STRING_TYPE,
        new LocalZonedTimestampType(3));
  }

  @Test
  void rejectsDataThatAlreadyHasAQuarantineColumnInAnyCase() {
    RowType clash = RowType.of(
        new LogicalType[] {new IntType(), VarCharType.STRING_TYPE}, new String[] {"id", "_Flow"});
    assertThatThrownBy(() -> Expectations.quarantineType(clash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot add quarantine column '_flow': the dataset already has"
            + " a column '_Flow'");
  }

  @Test
  void rejectsAnExpectationNameUsedTwice() {
    assertThatThrownBy(() -> new ExpectationSet("f", "orders", "u", DATA,
            List.of(new Check("valid_id", DROP), new Check("valid_id", QUARANTINE))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot use expectation name more than once in dataset 'orders'");
  }

  @Test
  void addsOneOperatorWithTheUidTheInputsParallelismAndTheDataType() {
    DataStream<RowData> input = input(
        new IntType(false), new DecimalType(10, 2), new BooleanType(), new BooleanType());

    SingleOutputStreamOperator<RowData> kept = Expectations.apply(input, SET, "flow-f/expect");

    assertThat(kept.getTransformation().getUid()).isEqualTo("flow-f/expect");
    assertThat(kept.getName()).isEqualTo("expectations: orders");
    assertThat(kept.getParallelism()).isEqualTo(3);
    assertThat(kept.getType()).isEqualTo(InternalTypeInfo.of(DATA));
  }

  @Test
  void rejectsAnInputWithoutOneBooleanResultPerExpectation() {
    DataStream<RowData> input = input(new IntType(), new DecimalType(10, 2), new BooleanType());

    assertThatThrownBy(() -> Expectations.apply(input, SET, "uid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot apply the expectations of dataset 'orders'")
        .hasMessageContaining("followed by 2 BOOLEAN results");
  }

  @Test
  void rejectsAnInputWhoseDataColumnsDoNotMatch() {
    DataStream<RowData> input = input(
        new BigIntType(), new DecimalType(10, 2), new BooleanType(), new BooleanType());

    assertThatThrownBy(() -> Expectations.apply(input, SET, "uid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected the data columns ROW<`id` INT, `amount` DECIMAL(10, 2)>");
  }

  private static DataStream<RowData> input(LogicalType... types) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    return env.fromSequence(0, 1).setParallelism(3)
        .map(i -> (RowData) null, InternalTypeInfo.of(RowType.of(types))).setParallelism(3);
  }
}
