package io.sluice.expectations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;
import org.junit.jupiter.api.Test;

class RowFormatterTest {
  @Test
  void rendersValuesReadably() {
    RowType type = RowType.of(new LogicalType[] {
        new TimestampType(3), new LocalZonedTimestampType(3), new BooleanType(), new DoubleType(),
        new VarBinaryType(10), new ArrayType(VarCharType.STRING_TYPE)},
        new String[] {"ts", "ltz", "ok", "ratio", "bytes", "tags"});
    GenericRowData row = GenericRowData.of(
        TimestampData.fromLocalDateTime(LocalDateTime.parse("2024-05-01T10:15:30.250")),
        TimestampData.fromInstant(Instant.parse("2024-05-01T08:00:00Z")),
        false, 0.5, new byte[] {0x0A, (byte) 0xFF},
        new GenericArrayData(new Object[] {StringData.fromString("a"), null}));

    assertThat(RowFormatter.format(row, type)).isEqualTo("{ts=2024-05-01T10:15:30.250,"
        + " ltz=2024-05-01T08:00:00Z, ok=false, ratio=0.5, bytes=x'0AFF', tags=['a', NULL]}");
  }

  @Test
  void cutsLongValuesAndLongRows() {
    String longText = "x".repeat(500);
    LogicalType[] types = new LogicalType[30];
    String[] names = new String[30];
    Object[] values = new Object[30];
    for (int i = 0; i < 30; i++) {
      types[i] = VarCharType.STRING_TYPE;
      names[i] = "c" + i;
      values[i] = StringData.fromString(longText);
    }
    String rendered = RowFormatter.format(GenericRowData.of(values), RowType.of(types, names));

    assertThat(rendered).startsWith("{c0='" + "x".repeat(100) + "...', c1='");
    assertThat(rendered).hasSize(RowFormatter.MAX_ROW_CHARS + 3).endsWith("...");
  }
}
