package io.sluice.connectors.delta;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Versioned codec of {@link DeltaSplit} (reader state, enumerator state, split assignment).
 *
 * <p>Version 1: split id (UTF), version, scan-file bytes (length-prefixed), records to skip.
 */
final class DeltaSplitSerializer implements SimpleVersionedSerializer<DeltaSplit> {
  static final DeltaSplitSerializer INSTANCE = new DeltaSplitSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(DeltaSplit split) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(split.scanFile().length + 64);
    write(out, split);
    return out.getCopyOfBuffer();
  }

  @Override
  public DeltaSplit deserialize(int version, byte[] serialized) throws IOException {
    checkVersion(version);
    return read(new DataInputDeserializer(serialized));
  }

  static void write(DataOutputView out, DeltaSplit split) throws IOException {
    out.writeUTF(split.splitId());
    out.writeLong(split.version());
    out.writeInt(split.scanFile().length);
    out.write(split.scanFile());
    out.writeLong(split.recordsToSkip());
  }

  static DeltaSplit read(DataInputView in) throws IOException {
    String id = in.readUTF();
    long version = in.readLong();
    byte[] scanFile = new byte[in.readInt()];
    in.readFully(scanFile);
    return new DeltaSplit(id, version, scanFile, in.readLong());
  }

  static void checkVersion(int version) throws IOException {
    if (version != VERSION) {
      throw new IOException(String.format(
          "Cannot read Delta source state of format version %d: this Sluice reads version %d. "
              + "Restore the job with the Sluice version that took the checkpoint.",
          version, VERSION));
    }
  }
}
