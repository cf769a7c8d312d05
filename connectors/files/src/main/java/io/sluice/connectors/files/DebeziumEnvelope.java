package io.sluice.connectors.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;

/**
 * The {@code debezium-json} format: a Debezium change event {@code {"before": {...}, "after":
 * {...}, "op": "c", "ts_ms": ..., "source": {...}}}, also wrapped as {@code {"schema": ...,
 * "payload": {...}}} (Kafka Connect's JSON converter with schemas enabled), becomes one row: the
 * table's columns taken from {@code after} ({@code before} for a delete), then {@link #OP}, {@link
 * #TS_MS} and {@link #SOURCE}, named like {@code read_postgres}'s metadata columns.
 *
 * <ul>
 *   <li>{@code op} {@code c} and {@code r} (snapshot reads) are {@code INSERT}, {@code u} is
 *       {@code UPDATE}, {@code d} is {@code DELETE}; {@code t} is {@code TRUNCATE}, a row whose
 *       table columns are all NULL (AUTO CDC: {@code APPLY AS TRUNCATE WHEN _op = 'TRUNCATE'}).
 *   <li>An event without {@code op} (a schema change, a heartbeat), with an unknown {@code op}, or
 *       without the image its {@code op} needs, is one malformed record: its whole text is rescued
 *       under {@code _malformed_record} and every column is NULL, as for a line that is not JSON.
 *   <li>Image fields the table does not declare, and values that do not fit, are rescued as in
 *       JSON; an image field named like a metadata column is rescued as {@code after._op} (say).
 *   <li>{@code _source} holds the source block's fields as text (nested values as JSON text).
 * </ul>
 */
public final class DebeziumEnvelope {
  /** {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code TRUNCATE}. */
  public static final String OP = "_op";
  /** The event's {@code ts_ms}: when the connector processed the change, epoch milliseconds. */
  public static final String TS_MS = "_ts_ms";
  /** The event's {@code source} block, each field as text, for example {@code _source['lsn']}. */
  public static final String SOURCE = "_source";

  private static final List<String> METADATA = List.of(OP, TS_MS, SOURCE);

  private DebeziumEnvelope() {}

  /**
   * The produced columns: the table's, then the metadata columns.
   *
   * @throws IllegalArgumentException when a table column has a metadata column's name
   */
  public static RowType withMetadata(RowType tableColumns) {
    List<RowType.RowField> fields = new ArrayList<>(tableColumns.getFields());
    for (RowType.RowField field : tableColumns.getFields()) {
      if (METADATA.contains(field.getName())) {
        throw new IllegalArgumentException("Cannot read column " + field.getName()
            + " from Debezium events: the format adds a metadata column of that name ("
            + String.join(", ", METADATA) + "). Leave it out of the schema.");
      }
    }
    fields.add(new RowType.RowField(OP, VarCharType.STRING_TYPE));
    fields.add(new RowType.RowField(TS_MS, new BigIntType()));
    fields.add(new RowType.RowField(SOURCE, sourceType()));
    return new RowType(tableColumns.isNullable(), fields);
  }

  /** The columns without the metadata ones: the table's columns of produced (or declared) columns. */
  public static RowType tableColumns(RowType columns) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (RowType.RowField field : columns.getFields()) {
      if (!METADATA.contains(field.getName())) {
        fields.add(field);
      }
    }
    return new RowType(columns.isNullable(), fields);
  }

  private static LogicalType sourceType() {
    return new MapType(VarCharType.STRING_TYPE, VarCharType.STRING_TYPE);
  }

  /** The flat record of an event, or a malformed record holding the event's JSON text. */
  static ParsedRecord flatten(ParsedRecord event) {
    if (event.isMalformed()) {
      return event;
    }
    Map<String, Object> envelope = unwrapped(event.fields());
    String op = operation(envelope.get("op"));
    if (op == null) {
      return malformed(event);
    }
    String imageName = op.equals("DELETE") ? "before" : "after";
    Object image = op.equals("TRUNCATE") ? Map.of() : envelope.get(imageName);
    if (!(image instanceof Map<?, ?> columns)) {
      return malformed(event);
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : columns.entrySet()) {
      String name = String.valueOf(entry.getKey());
      row.put(METADATA.contains(name) ? imageName + "." + name : name, entry.getValue());
    }
    row.put(OP, op);
    row.put(TS_MS, envelope.get("ts_ms"));
    row.put(SOURCE, envelope.get("source"));
    return ParsedRecord.of(row);
  }

  /** The payload of a {@code {"schema": ..., "payload": {...}}} message, else the event itself. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> unwrapped(Map<String, Object> event) {
    Object payload = event.get("payload");
    boolean wrapped = payload instanceof Map && event.containsKey("schema") && event.size() == 2;
    return wrapped ? (Map<String, Object>) payload : event;
  }

  private static String operation(Object op) {
    if (!(op instanceof String code)) {
      return null;
    }
    switch (code) {
      case "c":
      case "r":
        return "INSERT";
      case "u":
        return "UPDATE";
      case "d":
        return "DELETE";
      case "t":
        return "TRUNCATE";
      default:
        return null;
    }
  }

  private static ParsedRecord malformed(ParsedRecord event) {
    return ParsedRecord.malformed(JsonCodec.write(event.fields()));
  }
}
