package io.sluice.connectors.delta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bucket of a snapshot writer's part, as data files: the rows of one partition whose hash
 * falls in slot {@code index} of {@code count} (see {@link SnapshotBuckets}).
 *
 * @param partition partition column to encoded value (see {@link PartitionValues}); empty for an
 *     unpartitioned table
 * @param index the bucket's slot, {@code 0 <= index < count}
 * @param count the number of buckets the writer splits this partition into
 * @param files the bucket's data files, each tagged with the checkpoint it was written for
 */
record DeltaSnapshotBucket(Map<String, String> partition, int index, int count,
    List<DeltaCommittable> files) {

  DeltaSnapshotBucket {
    // partition values may be null, which Map.copyOf refuses
    partition = Collections.unmodifiableMap(new LinkedHashMap<>(partition));
    files = List.copyOf(files);
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "Cannot use bucket " + index + " of " + count + ": use 0 to " + (count - 1));
    }
  }
}
