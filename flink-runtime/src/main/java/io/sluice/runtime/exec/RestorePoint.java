package io.sluice.runtime.exec;

import io.sluice.runtime.state.FlowState;
import io.sluice.runtime.storage.StorageLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a flow's next run resumes: normally the savepoint its last run stopped with; after a crash
 * (the state still names a running job) the newest complete checkpoint that job retained, which
 * is newer than that savepoint. Resuming from the newest point matters for exactly-once: the
 * sink skips commits the table already has by checkpoint id, so checkpoint ids must never go back.
 */
final class RestorePoint {
  private RestorePoint() {}

  static Optional<String> of(FlowState state, StorageLayout layout, String flow) {
    if (state.runningJob().isPresent()) {
      Optional<Path> checkpoint = latestCheckpoint(layout.checkpoints(flow).resolve(state.runningJob().get()));
      if (checkpoint.isPresent()) {
        return checkpoint.map(StorageLayout::uri);
      }
    }
    return state.restorePath();
  }

  /** The {@code chk-N} folder with the highest N that has its {@code _metadata} written. */
  static Optional<Path> latestCheckpoint(Path jobCheckpoints) {
    if (!Files.isDirectory(jobCheckpoints)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(jobCheckpoints)) {
      return dirs
          .filter(d -> d.getFileName().toString().startsWith("chk-"))
          .filter(d -> Files.exists(d.resolve("_metadata")))
          .max(Comparator.comparingLong(RestorePoint::number));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list checkpoints in " + jobCheckpoints, e);
    }
  }

  private static long number(Path chk) {
    try {
      return Long.parseLong(chk.getFileName().toString().substring(4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
