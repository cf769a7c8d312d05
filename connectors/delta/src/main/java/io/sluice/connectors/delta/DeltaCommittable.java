package io.sluice.connectors.delta;

import java.util.Map;

/**
 * One Parquet data file a writer has finished, waiting to be committed to the table.
 *
 * @param checkpointId the checkpoint whose barrier the file was written before, or {@link
 *     #END_OF_INPUT} for a file flushed when the input ended
 * @param path fully qualified path of the file
 * @param size file size in bytes
 * @param modificationTime file modification time, epoch milliseconds
 * @param partitionValues partition column to encoded value (see {@link PartitionValues}); empty
 *     for an unpartitioned table
 * @param statsJson Kernel's {@code DataFileStatistics} as JSON, or null when the writer kept none
 * @param rowCount number of rows in the file
 */
record DeltaCommittable(
    long checkpointId,
    String path,
    long size,
    long modificationTime,
    Map<String, String> partitionValues,
    String statsJson,
    long rowCount) {

  /** Tag of files flushed at the end of a bounded input, before any later checkpoint. */
  static final long END_OF_INPUT = Long.MAX_VALUE;

  DeltaCommittable withCheckpointId(long newCheckpointId) {
    return new DeltaCommittable(newCheckpointId, path, size, modificationTime, partitionValues,
        statsJson, rowCount);
  }
}
