package io.sluice.connectors.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Converts a record (a map from field name to plain value) into a {@link GenericRowData}, matching
 * fields to columns by exact, case-sensitive name. A field the row type does not declare, or whose
 * value does not fit its column, goes to the {@link Rescue} under its path and leaves the column
 * null; a field that is absent or null makes the column null and is not rescued.
 */
final class RowValueConverter implements ValueConverter {
  private final String[] names;
  private final ValueConverter[] converters;
  private final Map<String, Integer> positions = new HashMap<>();

  RowValueConverter(RowType type) {
    List<RowType.RowField> fields = type.getFields();
    names = new String[fields.size()];
    converters = new ValueConverter[fields.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = fields.get(i).getName();
      converters[i] = ValueConverters.forType(fields.get(i).getType());
      positions.put(names[i], i);
    }
  }

  @Override
  public Object convert(Object value, Rescue rescue, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      throw ConversionFailure.INSTANCE;
    }
    return convertFields(map, rescue, path);
  }

  /** The row for a record's fields; {@code path} is empty at the top level. */
  GenericRowData convertFields(Map<?, ?> record, Rescue rescue, String path) {
    GenericRowData row = new GenericRowData(names.length);
    for (Map.Entry<?, ?> entry : record.entrySet()) {
      String name = String.valueOf(entry.getKey());
      Object value = entry.getValue();
      String fieldPath = path.isEmpty() ? name : path + "." + name;
      Integer position = positions.get(name);
      if (value == null) {
        continue;
      }
      if (position == null) {
        rescue.put(fieldPath, value);
        continue;
      }
      try {
        row.setField(position, converters[position].convert(value, rescue, fieldPath));
      } catch (ConversionFailure e) {
        rescue.put(fieldPath, value);
      }
    }
    return row;
  }

  /** The row for the columns at {@code positions} of a top-level record; the other columns stay NULL. */
  GenericRowData convertSelected(Map<?, ?> record, int[] positions, Rescue rescue) {
    GenericRowData row = new GenericRowData(names.length);
    for (int position : positions) {
      Object value = record.get(names[position]);
      if (value == null) {
        continue;
      }
      try {
        row.setField(position, converters[position].convert(value, rescue, names[position]));
      } catch (ConversionFailure e) {
        rescue.put(names[position], value);
      }
    }
    return row;
  }

  /**
   * The row of a JSON line that is a flat object of known columns whose values all fit, read
   * straight from the parser: the same Java values the map of {@link JsonCodec#READER} would hold
   * (strings, booleans, Integer/Long/BigInteger, BigDecimal for fractions) through the same
   * converters, so the same row as {@link #convertFields}. Null for any other line (a field that is
   * not a column, a nested value, a value that does not fit, text that is not one JSON object):
   * that line takes the general way, which rescues. With {@code selected}, fields of other
   * columns, and fields that are no column, are skipped as {@link #convertSelected} skips them.
   * The row has {@code arity} fields (room for the rescued-data column).
   */
  GenericRowData fromFlatJson(String line, boolean[] selected, int arity) {
    GenericRowData row = new GenericRowData(arity);
    try (JsonParser p = JsonCodec.READER.getFactory().createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        Integer position = positions.get(p.currentName());
        JsonToken v = p.nextToken();
        if (selected != null && (position == null || !selected[position])) {
          p.skipChildren();
          continue;
        }
        if (position == null) {
          return null;
        }
        Object value = switch (v) {
          case VALUE_NULL -> null;
          case VALUE_STRING -> p.getText();
          case VALUE_NUMBER_INT -> p.getNumberValue();
          case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
          case VALUE_TRUE -> Boolean.TRUE;
          case VALUE_FALSE -> Boolean.FALSE;
          default -> NESTED;
        };
        if (value == NESTED) {
          return null;
        }
        row.setField(position, value == null ? null : converters[position].convert(value, Rescue.strict(), names[position]));
      }
      return t == JsonToken.END_OBJECT && p.nextToken() == null ? row : null;
    } catch (ConversionFailure | IOException e) {
      return null;
    }
  }

  private static final Object NESTED = new Object();
}
