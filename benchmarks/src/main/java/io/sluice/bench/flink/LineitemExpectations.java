package io.sluice.bench.flink;

import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * W2's five expectations on lineitem rows, hand-written: rows failing {@code small_quantity} are
 * dropped, the others failing {@code not_air} go to the {@link #quarantine} side output, the rest
 * to the main output; the three warnings are only counted. Every expectation is evaluated on every
 * row read, and a NULL result counts as a failure. Counts are accumulators named after the
 * expectations ({@link #NAMES}), plus {@value #ROWS_READ}.
 */
final class LineitemExpectations extends ProcessFunction<RowData, RowData> {
  private static final long serialVersionUID = 1L;

  static final List<String> NAMES =
      List.of("small_quantity", "not_air", "low_discount", "low_tax", "in_time");
  static final String ROWS_READ = "rows_read";

  private final OutputTag<RowData> quarantine;
  private final DecimalAtMost smallQuantity;
  private final DecimalAtMost lowDiscount;
  private final DecimalAtMost lowTax;
  private final int shipmode;
  private final int shipdate;
  private final int receiptdate;

  private transient StringData air;
  private transient LongCounter[] failed;
  private transient LongCounter rowsRead;

  LineitemExpectations(RowType rowType) {
    this.quarantine = new OutputTag<>("quarantine", InternalTypeInfo.of(rowType));
    this.smallQuantity = new DecimalAtMost(rowType, "l_quantity", "45");
    this.lowDiscount = new DecimalAtMost(rowType, "l_discount", "0.08");
    this.lowTax = new DecimalAtMost(rowType, "l_tax", "0.06");
    this.shipmode = rowType.getFieldIndex("l_shipmode");
    this.shipdate = rowType.getFieldIndex("l_shipdate");
    this.receiptdate = rowType.getFieldIndex("l_receiptdate");
  }

  OutputTag<RowData> quarantine() {
    return quarantine;
  }

  @Override
  public void open(OpenContext openContext) {
    air = StringData.fromString("AIR");
    failed = new LongCounter[NAMES.size()];
    for (int i = 0; i < failed.length; i++) {
      failed[i] = getRuntimeContext().getLongCounter(NAMES.get(i));
    }
    rowsRead = getRuntimeContext().getLongCounter(ROWS_READ);
  }

  @Override
  public void processElement(RowData row, Context ctx, Collector<RowData> out) {
    rowsRead.add(1);
    boolean quantityOk = smallQuantity.holds(row);
    boolean notAir = !row.isNullAt(shipmode) && !air.equals(row.getString(shipmode));
    count(0, quantityOk);
    count(1, notAir);
    count(2, lowDiscount.holds(row));
    count(3, lowTax.holds(row));
    count(4, !row.isNullAt(shipdate) && !row.isNullAt(receiptdate)
        && row.getInt(shipdate) <= row.getInt(receiptdate));
    if (!quantityOk) {
      return;
    }
    if (notAir) {
      out.collect(row);
    } else {
      ctx.output(quarantine, row);
    }
  }

  private void count(int expectation, boolean passed) {
    if (!passed) {
      failed[expectation].add(1);
    }
  }
}
