package io.sluice.runtime.exec;

import io.sluice.runtime.plan.RunOptions;
import io.sluice.runtime.state.FlowState;
import io.sluice.runtime.storage.StorageLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a streaming flow starts from in this update: what {@link RestorePoint} finds, unless the
 * command line names a savepoint for the flow ({@code --from-savepoint}) or asks for no state at
 * all ({@code --no-restore}).
 */
final class RestorePolicy {
  static final RestorePolicy AUTOMATIC = new RestorePolicy(RunOptions.ALL);

  private final RunOptions options;

  RestorePolicy(RunOptions options) {
    this.options = options;
  }

  Optional<String> restoreFor(FlowState state, StorageLayout layout, String flow) {
    if (options.noRestore()) {
      return Optional.empty();
    }
    String given = options.fromSavepoint().get(flow);
    if (given != null) {
      return Optional.of(savepoint(given));
    }
    return RestorePoint.of(state, layout, flow);
  }

  /** A savepoint folder (or its {@code _metadata} file) as a URI; fails when it is not one. */
  private static String savepoint(String given) {
    Path p = given.startsWith("file:") ? Path.of(java.net.URI.create(given)) : Path.of(given).toAbsolutePath();
    Path folder = p.getFileName() != null && p.getFileName().toString().equals("_metadata") ? p.getParent() : p;
    if (!Files.exists(folder.resolve("_metadata"))) {
      throw new IllegalArgumentException("Cannot restore from " + given
          + ": it is not a savepoint or checkpoint folder (no _metadata file in it). "
          + "Name the folder a stop wrote, e.g. storage/system/flows/<flow>/savepoints/savepoint-...");
    }
    return StorageLayout.uri(folder.normalize());
  }
}
