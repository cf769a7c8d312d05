package io.sluice.connectors.files;

import java.util.Comparator;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One file to read, with the number of its records already emitted before the last checkpoint.
 * The path is the split id: a path is processed once per source state.
 */
record FileSplit(String path, long modificationTime, long length, long recordsToSkip)
    implements SourceSplit {

  /** The order in which files are assigned: oldest first, then by path. */
  static final Comparator<FileSplit> DISCOVERY_ORDER =
      Comparator.comparingLong(FileSplit::modificationTime).thenComparing(FileSplit::path);

  @Override
  public String splitId() {
    return path;
  }

  FileSplit resumingAfter(long recordsEmitted) {
    return new FileSplit(path, modificationTime, length, recordsEmitted);
  }
}
