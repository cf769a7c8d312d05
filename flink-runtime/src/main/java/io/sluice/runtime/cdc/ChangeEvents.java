package io.sluice.runtime.cdc;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Reads change events from input rows, and writes them to and from the state rows of SCD type 2:
 * the sequence fields, a BOOLEAN delete flag, then the value columns (NULL for a delete).
 */
final class ChangeEvents {
  private final ChangeLayout layout;
  private final Fields inputSequence;
  private final Fields inputValues;
  private final Fields storedSequence;
  private final Fields storedValues;

  ChangeEvents(ChangeLayout layout) {
    this.layout = layout;
    inputSequence = new Fields(layout.sequenceFields(), layout.sequenceTypes());
    inputValues = new Fields(layout.valueFields(), layout.valueTypes());
    storedSequence = Fields.from(0, layout.sequenceTypes());
    storedValues = Fields.from(layout.sequenceTypes().length + 1, layout.valueTypes());
  }

  /** The state row of SCD type 2 events. */
  static RowType stateType(ChangeLayout layout) {
    List<LogicalType> types = new ArrayList<>(List.of(layout.sequenceTypes()));
    types.add(new BooleanType(false));
    types.addAll(List.of(nullable(layout.valueTypes())));
    return RowType.of(types.toArray(LogicalType[]::new));
  }

  /** The event in an input row (which may be reused: its values are copied). */
  ChangeEvent read(RowData input) {
    int nullField = inputSequence.firstNull(input);
    if (nullField >= 0) {
      throw new IllegalArgumentException(String.format(
          "Cannot apply change event: NULL sequence in input field %d; drop or quarantine rows whose SEQUENCE BY"
              + " value is NULL before they reach AUTO CDC", layout.sequenceFields()[nullField]));
    }
    int flag = layout.deleteField();
    boolean delete = flag >= 0 && !input.isNullAt(flag) && input.getBoolean(flag);
    return new ChangeEvent(inputSequence.copy(input), delete, inputValues.copy(input));
  }

  RowData encode(ChangeEvent event) {
    int sequenceArity = storedSequence.arity();
    GenericRowData row = new GenericRowData(sequenceArity + 1 + storedValues.arity());
    for (int i = 0; i < sequenceArity; i++) {
      row.setField(i, event.sequence().getField(i));
    }
    row.setField(sequenceArity, event.delete());
    for (int i = 0; !event.delete() && i < storedValues.arity(); i++) {
      row.setField(sequenceArity + 1 + i, event.values().getField(i));
    }
    return row;
  }

  ChangeEvent decode(RowData stored) {
    return new ChangeEvent(storedSequence.read(stored), stored.getBoolean(storedSequence.arity()),
        storedValues.read(stored));
  }

  static LogicalType[] nullable(LogicalType[] types) {
    LogicalType[] out = new LogicalType[types.length];
    for (int i = 0; i < types.length; i++) {
      out[i] = types[i].copy(true);
    }
    return out;
  }
}
