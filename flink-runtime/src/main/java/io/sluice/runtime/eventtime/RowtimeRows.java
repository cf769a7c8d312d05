package io.sluice.runtime.eventtime;

import java.util.stream.IntStream;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.data.utils.JoinedRowData;
import org.apache.flink.table.data.utils.ProjectedRowData;

/**
 * Presents an input row with its event-time column as a millisecond timestamp, without copying
 * the row: a view that answers the event-time field from a one-field row and every other field
 * from the input. Downstream operators read it with the output type (precision 3), whatever the
 * input row's physical layout, and every reader sees the same milliseconds. The view is reused for
 * each row, as Flink's object reuse allows.
 */
final class RowtimeRows {
  private final GenericRowData time = new GenericRowData(1);
  private final JoinedRowData joined = new JoinedRowData();
  private final ProjectedRowData view;

  RowtimeRows(int arity, int timeField) {
    int[] fields = IntStream.range(0, arity).map(i -> i == timeField ? arity : i).toArray();
    view = ProjectedRowData.from(fields);
  }

  RowData present(RowData input, long eventTimeMillis) {
    time.setField(0, TimestampData.fromEpochMillis(eventTimeMillis));
    joined.replace(input, time);
    joined.setRowKind(input.getRowKind());
    return view.replaceRow(joined);
  }
}
