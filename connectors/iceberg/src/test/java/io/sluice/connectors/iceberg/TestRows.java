package io.sluice.connectors.iceberg;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;

/** A row type with every type Sluice stores in Iceberg tables, and rows of it. */
final class TestRows {
  static final RowType ALL_TYPES = (RowType) DataTypes.ROW(
      DataTypes.FIELD("b", DataTypes.BOOLEAN()),
      DataTypes.FIELD("i32", DataTypes.INT().notNull()),
      DataTypes.FIELD("i64", DataTypes.BIGINT()),
      DataTypes.FIELD("f32", DataTypes.FLOAT()),
      DataTypes.FIELD("f64", DataTypes.DOUBLE()),
      DataTypes.FIELD("dec", DataTypes.DECIMAL(20, 4)),
      DataTypes.FIELD("s", DataTypes.STRING()),
      DataTypes.FIELD("bin", DataTypes.BYTES()),
      DataTypes.FIELD("d", DataTypes.DATE()),
      DataTypes.FIELD("ts", DataTypes.TIMESTAMP(6)),
      DataTypes.FIELD("ltz", DataTypes.TIMESTAMP_LTZ(6)),
      DataTypes.FIELD("arr", DataTypes.ARRAY(DataTypes.INT())),
      DataTypes.FIELD("m", DataTypes.MAP(DataTypes.STRING().notNull(), DataTypes.BIGINT())),
      DataTypes.FIELD("r", DataTypes.ROW(
          DataTypes.FIELD("x", DataTypes.INT()),
          DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.ROW(
              DataTypes.FIELD("k", DataTypes.STRING().notNull()),
              DataTypes.FIELD("v", DataTypes.DECIMAL(5, 2))))))))
      .notNull().getLogicalType();

  private TestRows() {}

  /** A row of {@link #ALL_TYPES} with every value set; {@code seed} varies the values. */
  static RowData full(int seed) {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(StringData.fromString("k" + seed), (long) seed);
    map.put(StringData.fromString("none"), null);
    GenericRowData tag = GenericRowData.of(StringData.fromString("t" + seed),
        DecimalData.fromBigDecimal(new BigDecimal("-1.25"), 5, 2));
    return GenericRowData.of(
        seed % 2 == 0, seed, 1L << 40 | seed, 1.5f * seed, -2.25 * seed,
        DecimalData.fromBigDecimal(new BigDecimal("12345678.9012").add(BigDecimal.valueOf(seed)),
            20, 4),
        StringData.fromString("text-" + seed + "-é"), new byte[] {1, (byte) seed, -1},
        19000 + seed,
        TimestampData.fromEpochMillis(1_700_000_000_123L + seed, 456_000),
        TimestampData.fromEpochMillis(-1_234L - seed, 789_000),
        new GenericArrayData(new Integer[] {seed, null, -seed}),
        new GenericMapData(map),
        GenericRowData.of(seed, new GenericArrayData(new Object[] {tag})));
  }

  /** A row of {@link #ALL_TYPES} with every nullable column null. */
  static RowData nulls(int i32) {
    GenericRowData row = new GenericRowData(ALL_TYPES.getFieldCount());
    row.setField(1, i32);
    return row;
  }
}
