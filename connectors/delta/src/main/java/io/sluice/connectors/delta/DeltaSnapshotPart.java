package io.sluice.connectors.delta;

import java.util.List;

/**
 * The whole content of one snapshot writer subtask's key group range, as data files grouped in
 * buckets: what that part of the table is from now on. No buckets is an empty part (its rows
 * were all retracted), not "no news": a writer whose part did not change sends nothing at all.
 * Buckets the writer did not rewrite carry the files of its previous part unchanged, so the
 * committer keeps them in the table.
 *
 * @param checkpointId the checkpoint whose barrier the part was written before, or {@link
 *     DeltaCommittable#END_OF_INPUT}
 * @param subtask index of the writer subtask
 * @param parallelism number of writer subtasks the key group ranges were assigned for
 * @param buckets the part's buckets that hold rows
 */
record DeltaSnapshotPart(long checkpointId, int subtask, int parallelism,
    List<DeltaSnapshotBucket> buckets) {

  DeltaSnapshotPart {
    buckets = List.copyOf(buckets);
  }

  /** Every data file of the part. */
  List<DeltaCommittable> files() {
    return buckets.stream().flatMap(bucket -> bucket.files().stream()).toList();
  }

  long rowCount() {
    return files().stream().mapToLong(DeltaCommittable::rowCount).sum();
  }
}
