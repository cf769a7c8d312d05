package io.sluice.connectors.progress;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * A source's signal that it has read everything that existed when the current run started.
 *
 * <p>A triggered run executes the same unbounded job as continuous mode and stops it with a
 * savepoint once every source has caught up ("available now" semantics). Sources cannot stop the
 * job themselves, so each one marks its catch-up by creating a small file; the driver polls for
 * the markers of all sources of a job and then triggers stop-with-savepoint. A file works wherever
 * the job runs (embedded MiniCluster, a session cluster, Kubernetes) because the driver and the
 * cluster share the pipeline's storage.
 *
 * <p>Marking is idempotent. A marker never goes away during a run; the driver deletes the run's
 * marker folder before it starts the next one.
 */
public final class CatchUpMarker implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;

  private CatchUpMarker(String path) {
    this.path = path;
  }

  /** A marker at the given path (any Flink file system URI, for example {@code file:///...}). */
  public static CatchUpMarker at(String path) {
    return new CatchUpMarker(Objects.requireNonNull(path, "path"));
  }

  /** A marker that records nothing: for sources whose catch-up nobody waits for. */
  public static CatchUpMarker none() {
    return new CatchUpMarker(null);
  }

  public boolean isEnabled() {
    return path != null;
  }

  /** Records that the source has caught up. Safe to call many times and from several threads. */
  public void mark() {
    if (path == null) {
      return;
    }
    Path marker = new Path(path);
    try {
      FileSystem fs = marker.getFileSystem();
      if (!fs.exists(marker)) {
        fs.mkdirs(marker.getParent());
        fs.create(marker, FileSystem.WriteMode.OVERWRITE).close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record catch-up marker " + path, e);
    }
  }

  /** Whether {@link #mark()} has been called for this marker (by any process sharing the path). */
  public boolean isMarked() {
    if (path == null) {
      return false;
    }
    Path marker = new Path(path);
    try {
      return marker.getFileSystem().exists(marker);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read catch-up marker " + path, e);
    }
  }

  @Override
  public String toString() {
    return path == null ? "CatchUpMarker[none]" : "CatchUpMarker[" + path + "]";
  }
}
