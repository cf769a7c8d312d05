package io.sluice.runtime.sink;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Sink;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.storage.StorageLayout;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a flow's target is stored: a persisted dataset under the storage root, or a sink's own
 * location ({@code CREATE SINK s USING delta OPTIONS ('path' = '...')}, relative to the pipeline
 * folder). Sinks of other formats (Kafka) are not written by this version.
 */
public final class SinkTargets {
  private SinkTargets() {}

  /** The table path of a dataset or sink; empty for a sink this version cannot write. */
  public static Optional<Path> tablePath(Dataset target, PipelineSpec spec, StorageLayout layout) {
    if (!(target instanceof Sink sink)) {
      return Optional.of(layout.table(target.name()));
    }
    String path = sink.options().getOrDefault("path", sink.options().get("location"));
    if (!isDelta(sink) || path == null) {
      return Optional.empty();
    }
    return Optional.of(spec.folder().resolve(path).normalize());
  }

  public static boolean isDelta(Sink sink) {
    return sink.format().toLowerCase(Locale.ROOT).equals("delta");
  }

  /** Why a sink cannot be written, for the problem message. */
  public static String unsupported(Sink sink) {
    if (isDelta(sink)) {
      return "Cannot write sink '" + sink.name() + "': a Delta sink needs a 'path' option";
    }
    return "Cannot write sink '" + sink.name() + "' of format '" + sink.format()
        + "': this version writes Delta sinks only (Kafka sinks come with continuous mode)";
  }
}
