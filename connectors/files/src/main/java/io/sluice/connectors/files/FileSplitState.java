package io.sluice.connectors.files;

/** The mutable progress of a split inside a reader: how many of its records have been emitted. */
final class FileSplitState {
  private final FileSplit split;
  private long recordsEmitted;

  FileSplitState(FileSplit split) {
    this.split = split;
    this.recordsEmitted = split.recordsToSkip();
  }

  void recordEmitted() {
    recordsEmitted++;
  }

  FileSplit toSplit() {
    return split.resumingAfter(recordsEmitted);
  }
}
