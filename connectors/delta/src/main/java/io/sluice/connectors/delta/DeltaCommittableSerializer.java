package io.sluice.connectors.delta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerialization;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Versioned binary codec of {@link DeltaCommittable}: used on the writer-to-committer channel and
 * in the committer's checkpointed state, so a change of format needs a new version here.
 *
 * <p>Version 1: checkpoint id, path, size, modification time, partition count and (name,
 * nullable value) pairs, nullable stats JSON, row count. Strings are length-prefixed UTF-8 (stats
 * JSON of wide tables can exceed the 64 KiB limit of {@code writeUTF}).
 */
final class DeltaCommittableSerializer implements SimpleVersionedSerializer<DeltaCommittable> {
  static final DeltaCommittableSerializer INSTANCE = new DeltaCommittableSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(DeltaCommittable committable) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    out.writeLong(committable.checkpointId());
    writeString(out, committable.path());
    out.writeLong(committable.size());
    out.writeLong(committable.modificationTime());
    out.writeInt(committable.partitionValues().size());
    for (Map.Entry<String, String> entry : committable.partitionValues().entrySet()) {
      writeString(out, entry.getKey());
      writeNullable(out, entry.getValue());
    }
    writeNullable(out, committable.statsJson());
    out.writeLong(committable.rowCount());
    return out.getCopyOfBuffer();
  }

  @Override
  public DeltaCommittable deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException(String.format(
          "Cannot read a Delta committable of format version %d: this Sluice reads version %d. "
              + "Restore the job with the Sluice version that took the checkpoint.",
          version, VERSION));
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    long checkpointId = in.readLong();
    String path = readString(in);
    long size = in.readLong();
    long modificationTime = in.readLong();
    int partitions = in.readInt();
    Map<String, String> partitionValues = new LinkedHashMap<>();
    for (int i = 0; i < partitions; i++) {
      partitionValues.put(readString(in), readNullable(in));
    }
    String stats = readNullable(in);
    long rowCount = in.readLong();
    return new DeltaCommittable(checkpointId, path, size, modificationTime, partitionValues,
        stats, rowCount);
  }

  /** Serializes with the current version prefixed, for channels and state that hold bytes. */
  byte[] toBytes(DeltaCommittable committable) {
    try {
      return SimpleVersionedSerialization.writeVersionAndSerialize(this, committable);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize Delta committable " + committable, e);
    }
  }

  DeltaCommittable fromBytes(byte[] bytes) {
    try {
      return SimpleVersionedSerialization.readVersionAndDeSerialize(this, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot deserialize a Delta committable", e);
    }
  }

  static void writeString(DataOutputView out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static void writeNullable(DataOutputView out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      writeString(out, value);
    }
  }

  static String readString(DataInputView in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static String readNullable(DataInputView in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }
}
