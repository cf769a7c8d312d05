package io.sluice.connectors.files;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Converts one JSON document at a time into a row of declared columns, exactly as {@link
 * FileIngestSource} reads JSON: fields match columns by exact, case-sensitive name; a field the
 * columns do not declare, or whose value does not fit its column, is rescued under its path (the
 * column stays NULL); a text that is not a JSON object is rescued whole under {@link
 * #MALFORMED_RECORD}. For connectors that receive JSON documents one by one (Kafka messages).
 *
 * <p>Not serializable and not thread-safe: create one per reader, when it opens.
 */
public final class JsonRowConverter {
  /** The rescued-data key of the text of a document that is not a JSON object. */
  public static final String MALFORMED_RECORD = RecordConverter.MALFORMED_KEY;

  private final RowType columns;
  private final RowValueConverter converter;
  private final boolean debezium;

  private JsonRowConverter(RowType columns, boolean debezium) {
    this.columns = columns;
    this.converter = new RowValueConverter(columns);
    this.debezium = debezium;
  }

  /**
   * A converter to the given columns, made nullable (a field may be absent or rescued).
   *
   * @throws IllegalArgumentException naming the first column of a type JSON cannot fill
   */
  public static JsonRowConverter forColumns(RowType columns) {
    SupportedTypes.check(Objects.requireNonNull(columns, "columns"), FileFormat.JSON);
    return new JsonRowConverter(SupportedTypes.nullable(columns), false);
  }

  /**
   * A converter of Debezium change events ({@code debezium-json}) to the table's columns followed
   * by the metadata columns of {@link DebeziumEnvelope}; an event it cannot flatten is rescued
   * whole under {@link #MALFORMED_RECORD}.
   *
   * @throws IllegalArgumentException naming the first column JSON cannot fill, or a table column
   *     named like a metadata column
   */
  public static JsonRowConverter forDebezium(RowType tableColumns) {
    SupportedTypes.check(Objects.requireNonNull(tableColumns, "tableColumns"), FileFormat.DEBEZIUM_JSON);
    return new JsonRowConverter(SupportedTypes.nullable(DebeziumEnvelope.withMetadata(tableColumns)), true);
  }

  /** The produced data columns: the declared ones, all nullable. */
  public RowType columns() {
    return columns;
  }

  /** Converts one document; never throws for bad input, which ends up rescued. */
  public Converted convert(String json) {
    ParsedRecord record = JsonLinesRecords.parse(json);
    if (debezium) {
      record = DebeziumEnvelope.flatten(record);
    }
    Rescue rescue = new Rescue();
    GenericRowData row;
    if (record.isMalformed()) {
      row = new GenericRowData(columns.getFieldCount());
      rescue.put(MALFORMED_RECORD, json);
    } else {
      row = converter.convertFields(record.fields(), rescue, "");
    }
    return new Converted(row, rescue.fields());
  }

  /** A converted document: the data columns, and what did not fit them (empty if all did). */
  public static final class Converted {
    private final GenericRowData row;
    private final Map<String, Object> rescued;

    private Converted(GenericRowData row, Map<String, Object> rescued) {
      this.row = row;
      this.rescued = rescued;
    }

    /** The data columns, in the converter's column order. */
    public GenericRowData row() {
      return row;
    }

    public boolean hasRescued() {
      return !rescued.isEmpty();
    }

    /**
     * The rescued-data JSON object: what did not fit, then the given context fields (say, where
     * the document came from); NULL when nothing was rescued.
     */
    public String rescuedJson(Map<String, ?> context) {
      if (rescued.isEmpty()) {
        return null;
      }
      Map<String, Object> json = new LinkedHashMap<>(rescued);
      json.putAll(context);
      return JsonCodec.write(json);
    }
  }
}
