package io.sluice.bench.flink;

import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.RowType;

/** {@code column <= max} on a DECIMAL column of a row; NULL fails. */
final class DecimalAtMost implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int field;
  private final int precision;
  private final int scale;
  private final BigDecimal max;
  private transient DecimalData bound;

  DecimalAtMost(RowType rowType, String column, String max) {
    this.field = rowType.getFieldIndex(column);
    if (field < 0 || !(rowType.getTypeAt(field) instanceof DecimalType type)) {
      throw new IllegalArgumentException("Cannot check " + column + " <= " + max
          + ": it is not a DECIMAL column of " + rowType);
    }
    this.precision = type.getPrecision();
    this.scale = type.getScale();
    this.max = new BigDecimal(max);
  }

  boolean holds(RowData row) {
    if (bound == null) {
      bound = DecimalData.fromBigDecimal(max, precision, scale);
    }
    return !row.isNullAt(field) && row.getDecimal(field, precision, scale).compareTo(bound) <= 0;
  }
}
