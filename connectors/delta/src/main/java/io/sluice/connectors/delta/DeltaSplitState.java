package io.sluice.connectors.delta;

/** Mutable progress of a split in a reader: how many of its rows were emitted. */
final class DeltaSplitState {
  private final DeltaSplit split;
  private long emitted;

  DeltaSplitState(DeltaSplit split) {
    this.split = split;
    this.emitted = split.recordsToSkip();
  }

  void emitted(long position) {
    this.emitted = position;
  }

  DeltaSplit toSplit() {
    return split.withRecordsToSkip(emitted);
  }
}
