package io.sluice.runtime.exec;

import io.sluice.runtime.storage.StorageLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file that says a continuous run of a pipeline is active, with its process and update id;
 * {@code sluice stop} reads it. Removed when the run ends; a file left by a killed process names
 * a process that no longer exists.
 */
public final class ActiveRun implements AutoCloseable {
  private final Path file;

  private ActiveRun(Path file) {
    this.file = file;
  }

  static ActiveRun record(StorageLayout layout, String updateId) {
    Path file = layout.activeRun();
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, ProcessHandle.current().pid() + " " + updateId + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record the active run in " + file, e);
    }
    return new ActiveRun(file);
  }

  /** The process id of the active continuous run of the pipeline, if one is alive. */
  public static Optional<Long> find(StorageLayout layout) {
    Path file = layout.activeRun();
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(file).strip().split("\\s+")[0]);
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + file, e);
    }
  }
}
