package io.sluice.connectors.files;

import java.io.Serializable;
import org.apache.flink.table.types.logical.RowType;

/**
 * What to read and how to turn it into rows: the location, the format and its options, the data
 * columns, and the rescued-data column (null when disabled).
 */
record FileReadSpec(
    FileDiscovery files, FileFormat format, FormatOptions options, RowType dataColumns, String rescuedColumn)
    implements Serializable {

  RecordConverter newConverter() {
    return new RecordConverter(dataColumns, rescuedColumn != null);
  }
}
