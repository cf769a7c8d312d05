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
  private final int[] selected;
  private final boolean[] selectedFlags;

  RecordConverter(RowType dataColumns, boolean rescueEnabled) {
    this(dataColumns, rescueEnabled, java.util.Optional.empty());
  }

  /**
   * With a {@code selection}, only those columns are converted (the others stay NULL) and what
   * does not fit in them is rescued as usual; fields outside the selection are not looked at.
   */
  RecordConverter(RowType dataColumns, boolean rescueEnabled, java.util.Optional<java.util.Set<String>> selection) {
    this.columns = new RowValueConverter(dataColumns);
    this.width = dataColumns.getFieldCount();
    this.rescueEnabled = rescueEnabled;
    this.selected = selection.map(names -> java.util.stream.IntStream.range(0, width)
        .filter(i -> names.contains(dataColumns.getFieldNames().get(i))).toArray()).orElse(null);
    if (selected == null) {
      this.selectedFlags = null;
    } else {
      this.selectedFlags = new boolean[width];
      for (int i : selected) {
        selectedFlags[i] = true;
      }
    }
  }

  /**
   * The row of one line of JSON Lines: a flat line whose fields are columns and fit takes the
   * fast way ({@link RowValueConverter#fromFlatJson}); any other is parsed and converted as a
   * {@link ParsedRecord}, with the same result.
   */
  RowData convertJsonLine(String line, String filePath) {
    GenericRowData row = columns.fromFlatJson(line, selectedFlags, rescueEnabled ? width + 1 : width);
    return row != null ? row : convert(JsonLinesRecords.parse(line), filePath);
  }

  RowData convert(ParsedRecord record, String filePath) {
    GenericRowData data;
    Rescue rescue = new Rescue();
    if (record.isMalformed()) {
      data = new GenericRowData(width);
      rescue.put(MALFORMED_KEY, record.malformedText());
    } else {
      data = selected == null ? columns.convertFields(record.fields(), rescue, "")
          : columns.convertSelected(record.fields(), selected, rescue);
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
