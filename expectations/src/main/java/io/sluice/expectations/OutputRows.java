package io.sluice.expectations;

import org.apache.flink.table.data.utils.ProjectedRowData;
import java.util.List;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

/** Builds the rows the operator emits from an input row (data columns + check results). */
final class OutputRows {
  private final RowData.FieldGetter[] data;
  private final StringData[] checkNames;
  private final StringData updateId;
  private final StringData flow;
  private final ProjectedRowData keptView;

  OutputRows(ExpectationSet set) {
    RowType type = set.dataType();
    data = new RowData.FieldGetter[type.getFieldCount()];
    for (int i = 0; i < data.length; i++) {
      data[i] = RowData.createFieldGetter(type.getTypeAt(i), i);
    }
    List<Check> checks = set.checks();
    checkNames = new StringData[checks.size()];
    for (int i = 0; i < checkNames.length; i++) {
      checkNames[i] = StringData.fromString(checks.get(i).name());
    }
    updateId = StringData.fromString(set.updateId());
    flow = StringData.fromString(set.flow());
    keptView = ProjectedRowData.from(java.util.stream.IntStream.range(0, data.length).toArray());
  }

  /**
   * The data columns of the input row, with its row kind: a view over the input, reused for every
   * row (nothing is copied; whoever keeps a row copies it, as Flink's object reuse requires).
   */
  RowData kept(RowData input) {
    return keptView.replaceRow(input);
  }

  /** An INSERT of the data columns, the failed checks' names, update id, flow and time. */
  RowData quarantined(RowData input, int[] failed, int failedCount, long processingTime) {
    GenericRowData out = new GenericRowData(RowKind.INSERT, data.length + 4);
    copyData(input, out);
    StringData[] names = new StringData[failedCount];
    for (int i = 0; i < failedCount; i++) {
      names[i] = checkNames[failed[i]];
    }
    out.setField(data.length, new GenericArrayData(names));
    out.setField(data.length + 1, updateId);
    out.setField(data.length + 2, flow);
    out.setField(data.length + 3, TimestampData.fromEpochMillis(processingTime));
    return out;
  }

  private void copyData(RowData input, GenericRowData out) {
    for (int i = 0; i < data.length; i++) {
      out.setField(i, data[i].getFieldOrNull(input));
    }
  }
}
