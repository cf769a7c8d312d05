package io.sluice.connectors.delta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerialization;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned binary codec of {@link DeltaSnapshotPart}: used on the writer-to-committer channel, in
 * the snapshot committer's checkpointed state and in each writer's own state, so a change of
 * format needs a new version here.
 *
 * <p>Version 2: checkpoint id, subtask, parallelism, bucket count, then each bucket as partition
 * count and (name, nullable value) pairs, index, count, file count and each file as a
 * length-prefixed {@link DeltaCommittableSerializer} record (which carries its own version).
 *
 * <p>Version 1 (before buckets): checkpoint id, subtask, parallelism, file count, files. It is
 * still read, as a part of one bucket holding all files, so a committer restores the parts of a
 * checkpoint taken before buckets existed; the writers of such a checkpoint have no part in
 * their state and rewrite theirs at the first barrier.
 */
final class DeltaSnapshotPartSerializer implements SimpleVersionedSerializer<DeltaSnapshotPart> {
  static final DeltaSnapshotPartSerializer INSTANCE = new DeltaSnapshotPartSerializer();
  private static final int VERSION = 2;

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
    out.writeInt(part.buckets().size());
    for (DeltaSnapshotBucket bucket : part.buckets()) {
      out.writeInt(bucket.partition().size());
      for (Map.Entry<String, String> entry : bucket.partition().entrySet()) {
        DeltaCommittableSerializer.writeString(out, entry.getKey());
        DeltaCommittableSerializer.writeNullable(out, entry.getValue());
      }
      out.writeInt(bucket.index());
      out.writeInt(bucket.count());
      writeFiles(out, bucket.files());
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public DeltaSnapshotPart deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION && version != 1) {
      throw new IOException(String.format(
          "Cannot read a Delta snapshot part of format version %d: this Sluice reads versions 1 "
              + "to %d. Restore the job with the Sluice version that took the checkpoint.",
          version, VERSION));
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    long checkpointId = in.readLong();
    int subtask = in.readInt();
    int parallelism = in.readInt();
    List<DeltaSnapshotBucket> buckets = new ArrayList<>();
    if (version == 1) {
      List<DeltaCommittable> files = readFiles(in);
      if (!files.isEmpty()) {
        buckets.add(new DeltaSnapshotBucket(Map.of(), 0, 1, files));
      }
    } else {
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        int partitions = in.readInt();
        Map<String, String> partition = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
          partition.put(DeltaCommittableSerializer.readString(in),
              DeltaCommittableSerializer.readNullable(in));
        }
        int index = in.readInt();
        int bucketCount = in.readInt();
        buckets.add(new DeltaSnapshotBucket(partition, index, bucketCount, readFiles(in)));
      }
    }
    return new DeltaSnapshotPart(checkpointId, subtask, parallelism, buckets);
  }

  private static void writeFiles(DataOutputSerializer out, List<DeltaCommittable> files)
      throws IOException {
    out.writeInt(files.size());
    for (DeltaCommittable file : files) {
      byte[] bytes = DeltaCommittableSerializer.INSTANCE.toBytes(file);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static List<DeltaCommittable> readFiles(DataInputDeserializer in) throws IOException {
    int count = in.readInt();
    List<DeltaCommittable> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      files.add(DeltaCommittableSerializer.INSTANCE.fromBytes(bytes));
    }
    return files;
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
