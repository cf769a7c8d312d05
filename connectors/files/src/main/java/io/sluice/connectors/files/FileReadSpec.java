package io.sluice.connectors.files;

import java.io.Serializable;
import org.apache.flink.table.types.logical.RowType;

/**
 * What to read and how to turn it into rows: the location, the format and its options, the data
 * columns, the rescued-data column (null when disabled), and the columns consumers read.
 */
record FileReadSpec(
    FileDiscovery files, FileFormat format, FormatOptions options, RowType dataColumns, String rescuedColumn,
    ReadColumns columns)
    implements Serializable {

  RecordConverter newConverter() {
    return new RecordConverter(dataColumns, rescuedColumn != null, selection());
  }

  /** The data columns to decode; empty: all of them. */
  java.util.Optional<java.util.Set<String>> selection() {
    return columns.selection(rescuedColumn);
  }
}
