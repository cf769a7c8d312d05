package io.sluice.runtime.translate;

import io.sluice.core.graph.PipelineGraph;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.TableFormat;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.runtime.sink.TableSinks;
import io.sluice.runtime.source.InputSources;
import io.sluice.runtime.storage.StorageLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.types.logical.RowType;

/**
 * What every translator shares: the pipeline, its graph and storage, the schemas planned so far
 * (flows are planned upstream first, so a flow's inputs are always known), and the factories for
 * sources and sinks.
 */
public final class TranslationContext {
  private final PipelineSpec spec;
  private final PipelineGraph graph;
  private final StorageLayout layout;
  private final Phase phase;
  private final String updateId;
  private final Configuration flinkConfig;
  private final InputSources sources;
  private final TableSinks sinks;
  private final Map<String, RowType> schemas = new HashMap<>();

  public TranslationContext(PipelineSpec spec, PipelineGraph graph, Phase phase, String updateId,
      Configuration flinkConfig) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.layout = new StorageLayout(spec.storage());
    this.phase = Objects.requireNonNull(phase, "phase");
    this.updateId = Objects.requireNonNull(updateId, "updateId");
    this.flinkConfig = Objects.requireNonNull(flinkConfig, "flinkConfig");
    this.sources = new InputSources(this);
    this.sinks = new TableSinks(this);
  }

  public PipelineSpec spec() {
    return spec;
  }

  public PipelineGraph graph() {
    return graph;
  }

  public StorageLayout layout() {
    return layout;
  }

  public Phase phase() {
    return phase;
  }

  public String updateId() {
    return updateId;
  }

  public Configuration flinkConfig() {
    return flinkConfig;
  }

  public InputSources sources() {
    return sources;
  }

  public TableSinks sinks() {
    return sinks;
  }

  /** The schema planned for a dataset, if its flow has been planned. */
  public Optional<RowType> schema(String dataset) {
    return Optional.ofNullable(schemas.get(dataset));
  }

  public void recordSchema(String dataset, RowType schema) {
    schemas.putIfAbsent(dataset, schema);
  }

  public Map<String, RowType> schemas() {
    return Map.copyOf(schemas);
  }

  /**
   * Whether flows run continuously: sources never signal catch-up and sinks publish at every
   * checkpoint. Triggered runs wait for catch-up and publish once, at the end.
   */
  public boolean continuous() {
    return spec.mode() == io.sluice.core.spec.ExecutionMode.CONTINUOUS;
  }

  /** The format a persisted dataset is stored in: its own, or the pipeline's default. */
  public TableFormat formatOf(Dataset dataset) {
    return dataset.spec().format().orElse(spec.format());
  }

  /** The application id of a flow's Delta transactions: pipeline, flow and state lineage. */
  public String applicationId(String flow, String lineage) {
    return "sluice/" + spec.name() + "/" + flow + "/" + lineage;
  }
}
