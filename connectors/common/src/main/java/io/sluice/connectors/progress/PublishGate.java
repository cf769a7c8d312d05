package io.sluice.connectors.progress;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * When a sink may publish what it wrote: from which checkpoint on a completed checkpoint makes
 * data visible.
 *
 * <p>A triggered update publishes a flow's output at once, at its end: checkpoints during the
 * run record progress (a crashed run resumes from them) but make nothing visible. When every
 * source has caught up, the driver {@linkplain #openFrom opens} the gate from the next checkpoint
 * id; the checkpoint that ends the run (the stop-with-savepoint) then publishes everything in one
 * commit. If the update fails before, nothing it wrote becomes visible. The gate is a small file
 * in the update's folder, so driver and cluster need only share storage.
 *
 * <p>{@link #always()} publishes on every checkpoint (continuous runs).
 */
public final class PublishGate implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;

  private PublishGate(String path) {
    this.path = path;
  }

  /** Every completed checkpoint publishes. */
  public static PublishGate always() {
    return new PublishGate(null);
  }

  /** Closed until {@link #openFrom} writes the first publishing checkpoint id at {@code path}. */
  public static PublishGate at(String path) {
    return new PublishGate(path);
  }

  public boolean isAlways() {
    return path == null;
  }

  /** Whether completing checkpoint {@code checkpointId} may publish. */
  public boolean allows(long checkpointId) {
    if (path == null) {
      return true;
    }
    Path file = new Path(path);
    try {
      FileSystem fs = file.getFileSystem();
      if (!fs.exists(file)) {
        return false;
      }
      try (var in = fs.open(file)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        return !text.isEmpty() && checkpointId >= Long.parseLong(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read publish gate " + path, e);
    }
  }

  /** Opens the gate: checkpoints with this id or a higher one publish. */
  public void openFrom(long checkpointId) {
    if (path == null) {
      return;
    }
    Path file = new Path(path);
    Path tmp = new Path(path + ".tmp");
    try {
      FileSystem fs = file.getFileSystem();
      fs.mkdirs(file.getParent());
      try (var out = fs.create(tmp, FileSystem.WriteMode.OVERWRITE)) {
        out.write(Long.toString(checkpointId).getBytes(StandardCharsets.UTF_8));
      }
      fs.rename(tmp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open publish gate " + path, e);
    }
  }

  @Override
  public String toString() {
    return path == null ? "PublishGate[always]" : "PublishGate[" + path + "]";
  }
}
