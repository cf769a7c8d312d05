package io.sluice.connectors.delta;

import org.apache.flink.table.data.RowData;

/**
 * A row read from a split, with the number of the split's rows emitted once it is emitted.
 *
 * @param row the row
 * @param position rows of the split emitted after this one, counting it
 */
record PositionedRow(RowData row, long position) {}
