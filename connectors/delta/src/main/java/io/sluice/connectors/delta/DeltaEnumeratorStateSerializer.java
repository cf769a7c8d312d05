package io.sluice.connectors.delta;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned codec of {@link DeltaEnumeratorState}.
 *
 * <p>Version 1: last enumerated version, split count, splits as in {@link DeltaSplitSerializer}.
 */
final class DeltaEnumeratorStateSerializer
    implements SimpleVersionedSerializer<DeltaEnumeratorState> {
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(DeltaEnumeratorState state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1024);
    out.writeLong(state.lastEnumeratedVersion());
    out.writeInt(state.pending().size());
    for (DeltaSplit split : state.pending()) {
      DeltaSplitSerializer.write(out, split);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public DeltaEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
    DeltaSplitSerializer.checkVersion(version);
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    long lastEnumerated = in.readLong();
    int count = in.readInt();
    List<DeltaSplit> pending = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      pending.add(DeltaSplitSerializer.read(in));
    }
    return new DeltaEnumeratorState(lastEnumerated, pending);
  }
}
