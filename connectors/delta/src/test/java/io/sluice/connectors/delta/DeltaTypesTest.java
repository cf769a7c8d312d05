package io.sluice.connectors.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

class DeltaTypesTest {

  @Test
  void everySupportedTypeSurvivesARoundTripThroughKernel() {
    RowType all = TestRows.ALL_TYPES;

    RowType back = DeltaTypes.toFlink(DeltaTypes.toKernel(all));

    assertThat(back).isEqualTo(all);
  }

  @Test
  void timestampsMapToNtzAndLtzToTimestamp() {
    StructType schema = DeltaTypes.toKernel(row(
        DataTypes.FIELD("local", DataTypes.TIMESTAMP(3)),
        DataTypes.FIELD("instant", DataTypes.TIMESTAMP_LTZ(6))));

    assertThat(schema.get("local").getDataType()).isEqualTo(TimestampNTZType.TIMESTAMP_NTZ);
    assertThat(schema.get("instant").getDataType()).isEqualTo(TimestampType.TIMESTAMP);
  }

  @Test
  void charactersAndNullabilityAreKeptAtEveryLevel() {
    StructType schema = DeltaTypes.toKernel(row(
        DataTypes.FIELD("name", DataTypes.VARCHAR(10).notNull()),
        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING().notNull())),
        DataTypes.FIELD("scores", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.INT()))));

    assertThat(schema.get("name").getDataType()).isEqualTo(StringType.STRING);
    assertThat(schema.get("name").isNullable()).isFalse();
    assertThat(((ArrayType) schema.get("tags").getDataType()).containsNull()).isFalse();
    assertThat(((MapType) schema.get("scores").getDataType()).isValueContainsNull()).isTrue();
  }

  @Test
  void refusesTypesDeltaCannotStoreAndSaysWhatToUse() {
    assertThatThrownBy(() -> DeltaTypes.toKernel(row(
        DataTypes.FIELD("nested", DataTypes.ROW(DataTypes.FIELD("at", DataTypes.TIME()))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot store column nested.at of type TIME(0) in a Delta table")
        .hasMessageContaining("Use STRING");
    assertThatThrownBy(() -> DeltaTypes.toKernel(row(
        DataTypes.FIELD("ts", DataTypes.TIMESTAMP(9)))))
        .hasMessageContaining("Use CAST(ts AS TIMESTAMP(6))");
    assertThatThrownBy(() -> DeltaTypes.toKernel(row(
        DataTypes.FIELD("bag", DataTypes.MULTISET(DataTypes.INT())))))
        .hasMessageContaining("Use MAP<element, INT>");
  }

  private static RowType row(DataTypes.Field... fields) {
    LogicalType type = DataTypes.ROW(fields).notNull().getLogicalType();
    return (RowType) type;
  }
}
