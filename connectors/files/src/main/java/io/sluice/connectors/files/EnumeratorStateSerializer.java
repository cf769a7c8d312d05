package io.sluice.connectors.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Version 1: count and paths of processed files, then count and pending splits. */
final class EnumeratorStateSerializer implements SimpleVersionedSerializer<EnumeratorState> {
  static final EnumeratorStateSerializer INSTANCE = new EnumeratorStateSerializer();

  @Override
  public int getVersion() {
    return FileSplitSerializer.INSTANCE.getVersion();
  }

  @Override
  public byte[] serialize(EnumeratorState state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1024);
    out.writeInt(state.processedPaths().size());
    for (String path : state.processedPaths()) {
      out.writeUTF(path);
    }
    out.writeInt(state.pending().size());
    for (FileSplit split : state.pending()) {
      FileSplitSerializer.write(split, out);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public EnumeratorState deserialize(int version, byte[] serialized) throws IOException {
    FileSplitSerializer.checkVersion(version);
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    int processedCount = in.readInt();
    Set<String> processed = new HashSet<>(processedCount * 2);
    for (int i = 0; i < processedCount; i++) {
      processed.add(in.readUTF());
    }
    int pendingCount = in.readInt();
    List<FileSplit> pending = new ArrayList<>(pendingCount);
    for (int i = 0; i < pendingCount; i++) {
      pending.add(FileSplitSerializer.read(in));
    }
    return new EnumeratorState(processed, pending);
  }
}
