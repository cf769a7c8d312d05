package io.sluice.connectors.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class IcebergTypesTest {

  @Test
  void everySupportedTypeSurvivesARoundTripThroughIceberg() {
    RowType back = IcebergTypes.toFlink(IcebergTypes.toIceberg(TestRows.ALL_TYPES));

    assertThat(back).isEqualTo(TestRows.ALL_TYPES);
  }

  @Test
  void timestampsMapToIcebergTimestampsWithAndWithoutZone() {
    Schema schema = IcebergTypes.toIceberg(row(
        DataTypes.FIELD("local", DataTypes.TIMESTAMP(3)),
        DataTypes.FIELD("instant", DataTypes.TIMESTAMP_LTZ(6))));

    assertThat(schema.findType("local")).isEqualTo(Types.TimestampType.withoutZone());
    assertThat(schema.findType("instant")).isEqualTo(Types.TimestampType.withZone());
  }

  @Test
  void nullabilityIsKeptAtEveryLevelAndFieldIdsAreUnique() {
    Schema schema = IcebergTypes.toIceberg(row(
        DataTypes.FIELD("name", DataTypes.VARCHAR(10).notNull()),
        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING().notNull())),
        DataTypes.FIELD("scores", DataTypes.MAP(DataTypes.STRING(), DataTypes.INT()))));

    assertThat(schema.findField("name").isRequired()).isTrue();
    assertThat(schema.findField("name").type()).isEqualTo(Types.StringType.get());
    assertThat(schema.findType("tags").asListType().isElementRequired()).isTrue();
    assertThat(schema.findType("scores").asMapType().isValueOptional()).isTrue();
    assertThat(TypeUtil.indexById(schema.asStruct())).hasSize(6); // columns, element, key, value
    assertThat(schema.highestFieldId()).isEqualTo(6);
  }

  @Test
  void refusesTypesThatWouldNotComeBackAndSaysWhatToUse() {
    assertThatThrownBy(() -> IcebergTypes.toIceberg(row(
        DataTypes.FIELD("small", DataTypes.SMALLINT()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot store column small of type SMALLINT in an Iceberg table: Iceberg "
            + "stores it as INT and would read it back as INT. Use CAST(small AS INT).");
    assertThatThrownBy(() -> IcebergTypes.toIceberg(row(
        DataTypes.FIELD("r", DataTypes.ROW(DataTypes.FIELD("ts", DataTypes.TIMESTAMP(9)))))))
        .hasMessageStartingWith("Cannot store column r.ts of type TIMESTAMP(9)")
        .hasMessageEndingWith("Use CAST(r.ts AS TIMESTAMP(6)).");
    assertThatThrownBy(() -> IcebergTypes.toIceberg(row(
        DataTypes.FIELD("bag", DataTypes.MULTISET(DataTypes.INT())))))
        .hasMessageContaining("Use MAP<element, INT>");
  }

  private static RowType row(DataTypes.Field... fields) {
    return (RowType) DataTypes.ROW(fields).notNull().getLogicalType();
  }
}
