package io.sluice.runtime.eventtime;

import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.types.RowKind;

/**
 * Quarantine rows for late rows, shaped like the expectations' quarantine rows: the row's columns
 * (copied with the input's types, so any physical layout reads right), then {@code
 * _failed_expectations} = {@code ['late']}, {@code _update_id}, {@code _flow} and {@code
 * _quarantined_at}.
 */
final class LateRowsOut {
  private final RowData.FieldGetter[] data;
  private final GenericArrayData reasons =
      new GenericArrayData(new Object[] {StringData.fromString(EventTimeGate.LATE)});
  private final StringData updateId;
  private final StringData flow;

  LateRowsOut(GateSpec spec) {
    data = new RowData.FieldGetter[spec.inputType().getFieldCount()];
    for (int i = 0; i < data.length; i++) {
      data[i] = RowData.createFieldGetter(spec.inputType().getTypeAt(i), i);
    }
    updateId = StringData.fromString(spec.quarantine().updateId());
    flow = StringData.fromString(spec.flow());
  }

  RowData row(RowData input, long processingTime) {
    GenericRowData out = new GenericRowData(RowKind.INSERT, data.length + 4);
    for (int i = 0; i < data.length; i++) {
      out.setField(i, data[i].getFieldOrNull(input));
    }
    out.setField(data.length, reasons);
    out.setField(data.length + 1, updateId);
    out.setField(data.length + 2, flow);
    out.setField(data.length + 3, TimestampData.fromEpochMillis(processingTime));
    return out;
  }
}
