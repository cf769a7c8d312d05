package io.sluice.runtime.cdc;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The key of an AUTO CDC flow's keyed stream: the KEYS columns of a change event, as a
 * {@code BinaryRowData}. Binary keys compare and hash by their bytes, so a key built from a
 * {@code GenericRowData} on the sending side, one built from the deserialized row on the receiving
 * side and one restored from a checkpoint are all equal, with the same hash, on every state backend.
 *
 * <pre>
 * changes.keyBy(ChangeKeys.keySelector(keyFields, keyTypes))
 *     .process(new ChangeApplier(layout), InternalTypeInfo.of(RowType.of(layout.targetTypes())))
 * </pre>
 */
public final class ChangeKeys {
  private ChangeKeys() {}

  /** Extracts the key columns at {@code keyFields} (of {@code keyTypes}) of an input row. */
  public static KeySelector<RowData, RowData> keySelector(int[] keyFields, LogicalType[] keyTypes) {
    if (keyFields.length == 0 || keyFields.length != keyTypes.length) {
      throw new IllegalArgumentException(String.format(
          "Cannot key change events by %d fields with %d types: give at least one KEYS column and one type each",
          keyFields.length, keyTypes.length));
    }
    return new Projection(keyFields.clone(), keyTypes.clone());
  }

  /** The type of the keys {@link #keySelector} extracts. */
  public static InternalTypeInfo<RowData> keyType(LogicalType[] keyTypes) {
    return InternalTypeInfo.of(RowType.of(keyTypes));
  }

  private static final class Projection implements KeySelector<RowData, RowData>, ResultTypeQueryable<RowData> {
    private final int[] fields;
    private final LogicalType[] types;
    private transient RowData.FieldGetter[] getters;
    private transient RowDataSerializer serializer;

    Projection(int[] fields, LogicalType[] types) {
      this.fields = fields;
      this.types = types;
    }

    @Override
    public RowData getKey(RowData row) {
      if (getters == null) {
        getters = new RowData.FieldGetter[fields.length];
        for (int i = 0; i < fields.length; i++) {
          getters[i] = RowData.createFieldGetter(types[i], fields[i]);
        }
        serializer = new RowDataSerializer(types);
      }
      GenericRowData key = new GenericRowData(fields.length);
      for (int i = 0; i < fields.length; i++) {
        key.setField(i, getters[i].getFieldOrNull(row));
      }
      return serializer.toBinaryRow(key).copy();
    }

    @Override
    public InternalTypeInfo<RowData> getProducedType() {
      return keyType(types);
    }
  }
}
