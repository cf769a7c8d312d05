package io.sluice.runtime.sink;

import io.sluice.core.model.Dataset;
import io.sluice.core.model.Sink;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.storage.StorageLayout;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a flow's target is stored: a persisted dataset under the storage root, or a sink's own
 * location ({@code CREATE SINK s USING delta OPTIONS ('path' = '...')}, relative to the pipeline
 * folder). Kafka sinks are topics ({@link KafkaSinks}); sinks of other formats are not written by
 * this version.
 */
public final class SinkTargets {
  private SinkTargets() {}

  /** The table path of a dataset or sink; empty for a sink that is not a Delta table. */
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

  public static boolean isKafka(Sink sink) {
    return KafkaSinks.isKafka(sink);
  }

  /**
   * Whether the flow's target makes data visible at every completed checkpoint even in a
   * triggered run (a Kafka sink's transactions), instead of once at the run's end through the
   * publish gate. A failed run of such a flow must resume from its newest checkpoint, after what
   * it already committed, not from the previous run's savepoint.
   */
  public static boolean commitsEachCheckpoint(Dataset target) {
    return target instanceof Sink sink && isKafka(sink);
  }

  /** Why the flows into a sink cannot be written, if they cannot: found without connecting. */
  public static Optional<Problem> problem(Sink sink, PipelineSpec spec, StorageLayout layout) {
    if (isKafka(sink)) {
      return KafkaSinks.problem(sink).map(message -> Problem.error(ErrorCode.SINK_INVALID,
          sink.location(), message, "Fix the options of sink '" + sink.name() + "'."));
    }
    if (tablePath(sink, spec, layout).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Problem.error(ErrorCode.UNSUPPORTED_FEATURE, sink.location(),
        unsupported(sink), "Use a Delta sink with a 'path' option, or a Kafka sink."));
  }

  /** Why a sink cannot be written, for the problem message. */
  public static String unsupported(Sink sink) {
    if (isDelta(sink)) {
      return "Cannot write sink '" + sink.name() + "': a Delta sink needs a 'path' option";
    }
    return "Cannot write sink '" + sink.name() + "' of format '" + sink.format()
        + "': this version writes Delta and Kafka sinks only";
  }
}
