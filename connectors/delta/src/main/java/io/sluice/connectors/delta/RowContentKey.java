package io.sluice.connectors.delta;

import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.binary.BinaryRowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;

/**
 * Keys a changelog row by its whole content: a copy of the row in Flink's binary row format with
 * the change kind reset to INSERT, so that +I, -U, +U and -D of the same values meet in the same
 * key. {@link BinaryRowData} hashes and compares its bytes, so the key group of a row is the same
 * in every JVM and after a restore (its serializer writes those bytes unchanged).
 *
 * <p>Two rows are the same key when their binary forms are equal, which is value equality for
 * the types Delta stores, except: maps with the same entries in another order, {@code -0.0} and
 * {@code 0.0}, and NaNs with different bit patterns are different keys.
 */
final class RowContentKey implements KeySelector<RowData, RowData> {
  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private transient RowDataSerializer serializer;

  RowContentKey(RowType rowType) {
    this.rowType = rowType;
  }

  /** The key type: rows of the sink's row type, serialized in binary form. */
  InternalTypeInfo<RowData> keyType() {
    return InternalTypeInfo.of(rowType);
  }

  @Override
  public RowData getKey(RowData row) {
    if (serializer == null) {
      serializer = new RowDataSerializer(rowType);
    }
    // toBinaryRow may return the input itself or a buffer reused for the next row: copy
    BinaryRowData key = serializer.toBinaryRow(row).copy();
    key.setRowKind(RowKind.INSERT);
    return key;
  }
}
