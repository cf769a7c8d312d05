package io.sluice.connectors.files;

import java.util.List;
import java.util.Set;

/**
 * The checkpointed progress of a file source: every path already handed to a reader (its remaining
 * progress lives in that reader's state), and the discovered files not yet handed out, in order.
 */
record EnumeratorState(Set<String> processedPaths, List<FileSplit> pending) {
  static EnumeratorState empty() {
    return new EnumeratorState(Set.of(), List.of());
  }
}
