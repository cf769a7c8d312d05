package io.sluice.runtime.exec;

import io.sluice.runtime.storage.StorageLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a continuous run is asked to stop: in this process ({@link #request}, e.g. from a SIGTERM
 * or Ctrl-C shutdown hook), or from another one through a file under the storage root ({@code
 * sluice stop DIR} creates it). The run then stops every flow with a savepoint.
 */
public final class StopSignal {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final Path file;

  public StopSignal(StorageLayout layout) {
    this.file = layout.stopRequest();
  }

  /** Asks the run to stop. */
  public void request() {
    requested.countDown();
  }

  /** Asks the run of the pipeline with this storage to stop, from any process. */
  public static void requestFile(StorageLayout layout) {
    try {
      Files.createDirectories(layout.stopRequest().getParent());
      Files.writeString(layout.stopRequest(), String.valueOf(ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the stop request " + layout.stopRequest(), e);
    }
  }

  public boolean requested() {
    return requested.getCount() == 0 || Files.exists(file);
  }

  /** Waits up to {@code millis} for a stop request made in this process; true if there is one. */
  boolean await(long millis) throws InterruptedException {
    return requested.await(millis, TimeUnit.MILLISECONDS) || Files.exists(file);
  }

  /** Forgets a stop request left from an earlier run. */
  void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the old stop request " + file, e);
    }
  }
}
