package io.sluice.runtime.source;

import io.sluice.connectors.files.ReadColumns;
import io.sluice.connectors.progress.CatchUpMarker;
import io.sluice.connectors.progress.PublishGate;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.Phase;
import io.sluice.runtime.translate.TranslationContext;
import io.sluice.runtime.translate.Uids;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;

/**
 * Opens the Flink source of a flow input. Incremental sources get a catch-up marker so that a
 * triggered run knows when everything that existed at its start has been read.
 */
public final class InputSources {
  private final TranslationContext ctx;

  public InputSources(TranslationContext ctx) {
    this.ctx = ctx;
  }

  /** The stream of the input's rows, with a UID derived from the flow and the input's key. */
  public DataStream<RowData> open(StreamExecutionEnvironment env, String flow, InputSpec input) {
    return open(env, flow, input, false);
  }

  /**
   * As {@link #open(StreamExecutionEnvironment, String, InputSpec)}; {@code wholeEachUpdate}: the
   * source's UID names the update, so no savepoint restores it and it reads from the start again.
   */
  public DataStream<RowData> open(StreamExecutionEnvironment env, String flow, InputSpec input,
      boolean wholeEachUpdate) {
    return open(env, flow, input, wholeEachUpdate, ReadColumns.all());
  }

  /**
   * As {@link #open(StreamExecutionEnvironment, String, InputSpec, boolean)}; a file source decodes
   * only the {@code columns} its consumers name (rows keep every column, the others NULL).
   */
  public DataStream<RowData> open(StreamExecutionEnvironment env, String flow, InputSpec input,
      boolean wholeEachUpdate, ReadColumns columns) {
    CatchUpMarker marker = marker(flow, input);
    Source<RowData, ?, ?> source = switch (input.kind()) {
      case FILES -> FileInputs.source(input, marker, columns);
      case DELTA -> DeltaInputs.source(input, marker);
      case ICEBERG -> IcebergInputs.source(input, marker);
      case KAFKA -> KafkaInputs.source(input, marker);
      case POSTGRES -> PostgresInputs.source(input, marker, slotGate(flow, marker));
    };
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "source: " + input.key(),
            InternalTypeInfo.of(input.schema()))
        .uid(Uids.source(flow, input.key()) + (wholeEachUpdate ? "/update-" + ctx.updateId() : ""))
        .name("source: " + input.key());
  }

  /** Where the input's catch-up marker lives in this update, if it has one. */
  public Optional<Path> markerPath(String flow, InputSpec input) {
    if (!input.incremental() || ctx.phase() != Phase.RUN || ctx.continuous()) {
      return Optional.empty();
    }
    return Optional.of(ctx.layout().catchUpMarker(ctx.updateId(), flow, input.key()));
  }

  /**
   * The gate the flow's sinks publish through in a triggered run (the same file as {@code
   * FlowJobs.gate}): a source that must not move ahead of what was published (PostgreSQL's slot)
   * commits its position through it too. Always open outside triggered runs.
   */
  private PublishGate slotGate(String flow, CatchUpMarker marker) {
    return marker.isEnabled()
        ? PublishGate.at(StorageLayout.uri(ctx.layout().publishGate(ctx.updateId(), flow)))
        : PublishGate.always();
  }

  private CatchUpMarker marker(String flow, InputSpec input) {
    return markerPath(flow, input)
        .map(p -> CatchUpMarker.at(StorageLayout.uri(p)))
        .orElse(CatchUpMarker.none());
  }
}
