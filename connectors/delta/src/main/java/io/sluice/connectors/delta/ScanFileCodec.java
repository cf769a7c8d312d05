package io.sluice.connectors.delta;

import io.delta.kernel.data.Row;
import io.delta.kernel.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.RowType;

/**
 * Encodes Kernel scan-file rows for splits, and decodes them back into Kernel rows that {@code
 * Scan.transformPhysicalData} accepts.
 *
 * <p>A scan-file row is whatever Kernel produced ({@code add} struct plus {@code tableRoot}), so
 * it is stored generically: Kernel's JSON of its schema, then its values as a Flink row (the same
 * conversions the connector uses for table data) in Flink's binary row format. Decoding views that
 * row through {@link FlinkColumnarBatch} with the original schema, so field order, nullability and
 * field metadata are exactly Kernel's.
 */
final class ScanFileCodec {
  private ScanFileCodec() {}

  static byte[] encode(StructType schema, RowData row) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(512);
      byte[] json = schema.toJson().getBytes(StandardCharsets.UTF_8);
      out.writeInt(json.length);
      out.write(json);
      new RowDataSerializer(flinkType(schema)).serialize(row, out);
      return out.getCopyOfBuffer();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode a Delta scan file", e);
    }
  }

  static Row decode(byte[] bytes) {
    try {
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      byte[] json = new byte[in.readInt()];
      in.readFully(json);
      StructType schema = KernelInternals.parseSchema(new String(json, StandardCharsets.UTF_8));
      RowType type = flinkType(schema);
      RowData row = new RowDataSerializer(type).deserialize(in);
      return FlinkColumnarBatch.of(schema, type, List.of(row)).getRows().next();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode a Delta scan file", e);
    }
  }

  private static RowType flinkType(StructType schema) {
    return DeltaTypes.toFlink(schema);
  }
}
