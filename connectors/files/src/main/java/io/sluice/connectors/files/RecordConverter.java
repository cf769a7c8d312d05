package io.sluice.connectors.files;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Turns a {@link ParsedRecord} into the produced row: the data columns, then (if enabled) the
 * rescued-data column holding a JSON object of everything that did not fit, with the file path under
 * {@code _file_path}, or NULL when nothing was rescued. Without a rescued-data column a record that
 * does not fit throws {@link RecordDoesNotFitException}: it is never silently dropped.
 */
final class RecordConverter {
  static final String MALFORMED_KEY = "_malformed_record";
  static final String FILE_PATH_KEY = "_file_path";

  private final RowValueConverter columns;
  private final int width;
  private final boolean rescueEnabled;

  RecordConverter(RowType dataColumns, boolean rescueEnabled) {
    this.columns = new RowValueConverter(dataColumns);
    this.width = dataColumns.getFieldCount();
    this.rescueEnabled = rescueEnabled;
  }

  RowData convert(ParsedRecord record, String filePath) {
    GenericRowData data;
    Rescue rescue = new Rescue();
    if (record.isMalformed()) {
      data = new GenericRowData(width);
      rescue.put(MALFORMED_KEY, record.malformedText());
    } else {
      data = columns.convertFields(record.fields(), rescue, "");
    }
    if (!rescueEnabled) {
      if (!rescue.isEmpty()) {
        throw new RecordDoesNotFitException(rescue.fields().keySet());
      }
      return data;
    }
    GenericRowData row = new GenericRowData(width + 1);
    for (int i = 0; i < width; i++) {
      row.setField(i, data.getField(i));
    }
    row.setField(width, rescue.isEmpty() ? null : rescued(rescue, filePath));
    return row;
  }

  private static StringData rescued(Rescue rescue, String filePath) {
    Map<String, Object> json = new LinkedHashMap<>(rescue.fields());
    json.put(FILE_PATH_KEY, filePath);
    return StringData.fromString(JsonCodec.write(json));
  }
}
