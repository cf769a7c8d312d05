package io.sluice.connectors.files;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Version 1: path (UTF), modification time, length, records to skip. */
final class FileSplitSerializer implements SimpleVersionedSerializer<FileSplit> {
  static final FileSplitSerializer INSTANCE = new FileSplitSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(FileSplit split) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64 + split.path().length());
    write(split, out);
    return out.getCopyOfBuffer();
  }

  @Override
  public FileSplit deserialize(int version, byte[] serialized) throws IOException {
    checkVersion(version);
    return read(new DataInputDeserializer(serialized));
  }

  static void write(FileSplit split, DataOutputView out) throws IOException {
    out.writeUTF(split.path());
    out.writeLong(split.modificationTime());
    out.writeLong(split.length());
    out.writeLong(split.recordsToSkip());
  }

  static FileSplit read(DataInputView in) throws IOException {
    return new FileSplit(in.readUTF(), in.readLong(), in.readLong(), in.readLong());
  }

  static void checkVersion(int version) throws IOException {
    if (version != VERSION) {
      throw new IOException(
          "Cannot restore file ingestion state of version " + version + ": this build reads version "
              + VERSION + ". Restore with the Sluice version that wrote it.");
    }
  }
}
