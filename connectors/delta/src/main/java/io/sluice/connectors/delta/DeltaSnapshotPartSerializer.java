package io.sluice.connectors.delta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerialization;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned binary codec of {@link DeltaSnapshotPart}: used on the writer-to-committer channel and
 * in the snapshot committer's checkpointed state, so a change of format needs a new version here.
 *
 * <p>Version 1: checkpoint id, subtask, parallelism, file count, then each file as a
 * length-prefixed {@link DeltaCommittableSerializer} record (which carries its own version).
 */
final class DeltaSnapshotPartSerializer implements SimpleVersionedSerializer<DeltaSnapshotPart> {
  static final DeltaSnapshotPartSerializer INSTANCE = new DeltaSnapshotPartSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(DeltaSnapshotPart part) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    out.writeLong(part.checkpointId());
    out.writeInt(part.subtask());
    out.writeInt(part.parallelism());
    out.writeInt(part.files().size());
    for (DeltaCommittable file : part.files()) {
      byte[] bytes = DeltaCommittableSerializer.INSTANCE.toBytes(file);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public DeltaSnapshotPart deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException(String.format(
          "Cannot read a Delta snapshot part of format version %d: this Sluice reads version %d. "
              + "Restore the job with the Sluice version that took the checkpoint.",
          version, VERSION));
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    long checkpointId = in.readLong();
    int subtask = in.readInt();
    int parallelism = in.readInt();
    int count = in.readInt();
    List<DeltaCommittable> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      files.add(DeltaCommittableSerializer.INSTANCE.fromBytes(bytes));
    }
    return new DeltaSnapshotPart(checkpointId, subtask, parallelism, files);
  }

  /** Serializes with the current version prefixed, for channels and state that hold bytes. */
  byte[] toBytes(DeltaSnapshotPart part) {
    try {
      return SimpleVersionedSerialization.writeVersionAndSerialize(this, part);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize Delta snapshot part " + part, e);
    }
  }

  DeltaSnapshotPart fromBytes(byte[] bytes) {
    try {
      return SimpleVersionedSerialization.readVersionAndDeSerialize(this, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot deserialize a Delta snapshot part", e);
    }
  }
}
