package io.sluice.connectors.delta;

import java.util.List;

/**
 * The whole content of one snapshot writer subtask's key group range, as data files: what that
 * part of the table is from now on. An empty file list is an empty part (its rows were all
 * retracted), not "no news": a writer whose part did not change sends nothing at all.
 *
 * @param checkpointId the checkpoint whose barrier the part was written before, or {@link
 *     DeltaCommittable#END_OF_INPUT}
 * @param subtask index of the writer subtask
 * @param parallelism number of writer subtasks the key group ranges were assigned for
 * @param files the part's data files, each tagged with {@code checkpointId}
 */
record DeltaSnapshotPart(long checkpointId, int subtask, int parallelism,
    List<DeltaCommittable> files) {

  DeltaSnapshotPart {
    files = List.copyOf(files);
  }

  long rowCount() {
    return files.stream().mapToLong(DeltaCommittable::rowCount).sum();
  }
}
