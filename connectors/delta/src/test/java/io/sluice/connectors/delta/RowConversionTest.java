package io.sluice.connectors.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

class RowConversionTest {
  private static final StructType SCHEMA = DeltaTypes.toKernel(TestRows.ALL_TYPES);

  @Test
  void everyTypeSurvivesFlinkToKernelToFlinkIncludingNullsAndNesting() {
    List<RowData> rows = List.of(TestRows.full(1), TestRows.nulls(2), TestRows.full(-3));

    List<RowData> back = roundTrip(rows);

    assertThat(back).isEqualTo(rows);
  }

  @Test
  void readsBinaryRowsAsProducedByFlinkSerializers() {
    RowDataSerializer serializer = new RowDataSerializer(TestRows.ALL_TYPES);
    List<RowData> binary = List.of(serializer.toBinaryRow(TestRows.full(5)).copy());

    assertThat(roundTrip(binary)).containsExactly(TestRows.full(5));
  }

  @Test
  void droppingAColumnKeepsTheOthersAligned() {
    ColumnarBatch batch = FlinkColumnarBatch.of(SCHEMA, TestRows.ALL_TYPES,
        List.of(TestRows.full(1))).withDeletedColumnAt(0);

    assertThat(batch.getSchema().at(0).getName()).isEqualTo("i8");
    assertThat(batch.getColumnVector(0).getByte(0)).isEqualTo((byte) 1);
  }

  @Test
  void refusesNullMapKeysWithAnExplanation() {
    RowType type = (RowType) DataTypes.ROW(DataTypes.FIELD("m",
        DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()))).getLogicalType();
    java.util.HashMap<Object, Object> map = new java.util.HashMap<>();
    map.put(null, 1);
    map.put(StringData.fromString("a"), 2);
    ColumnarBatch batch = FlinkColumnarBatch.of(DeltaTypes.toKernel(type), type,
        List.of(GenericRowData.of(new GenericMapData(map))));

    assertThatThrownBy(() -> batch.getColumnVector(0).getMap(0))
        .hasMessageStartingWith("Cannot write a null key in map column m to a Delta table");
  }

  private static List<RowData> roundTrip(List<RowData> rows) {
    ColumnarBatch batch = FlinkColumnarBatch.of(SCHEMA, TestRows.ALL_TYPES, rows);
    RowDataReader reader = new RowDataReader(SCHEMA);
    List<RowData> back = new ArrayList<>();
    for (int i = 0; i < batch.getSize(); i++) {
      back.add(reader.read(batch, i));
    }
    return back;
  }
}
