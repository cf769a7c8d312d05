package io.sluice.core.api;

import io.sluice.core.graph.GraphBuilder;
import io.sluice.core.load.LoadedPipeline;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DefinitionSet;
import io.sluice.core.model.Flow;
import io.sluice.core.model.MaterializedView;
import io.sluice.core.model.Names;
import io.sluice.core.model.QueryFlow;
import io.sluice.core.model.StreamingTable;
import io.sluice.core.problem.Problems;
import io.sluice.core.spec.PipelineSpec;
import io.sluice.core.sql.SqlQuerySyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Defines a pipeline in Java, for applications that embed Sluice. Queries and expectations are
 * written exactly as in SQL definition files (Flink SQL with {@code STREAM(x)}, {@code
 * read_files(...)}, {@code ${key}}).
 *
 * <pre>
 * LoadedPipeline p = PipelineBuilder.create("shop", Path.of("/tmp/shop"))
 *     .configuration(Map.of("root", "/data"))
 *     .streamingTable("orders", t -&gt; t
 *         .query("SELECT * FROM STREAM read_files('${root}/orders', format =&gt; 'json')")
 *         .expect("valid_id", "id IS NOT NULL", ViolationAction.DROP))
 *     .materializedView("totals", v -&gt; v.query("SELECT COUNT(*) AS n FROM orders"))
 *     .build();
 * </pre>
 *
 * <p>{@link #build()} checks everything and throws one {@link
 * io.sluice.core.problem.DefinitionException} listing every problem.
 */
public final class PipelineBuilder {
  private PipelineSpec spec;
  private final List<DatasetBuilder> datasets = new ArrayList<>();
  private final List<FlowBuilder> flows = new ArrayList<>();

  private PipelineBuilder(PipelineSpec spec) {
    this.spec = spec;
  }

  /** A pipeline with default settings whose storage is {@code folder/storage}. */
  public static PipelineBuilder create(String name, Path folder) {
    return new PipelineBuilder(PipelineSpec.defaults(folder, name));
  }

  /** A pipeline with the given settings. */
  public static PipelineBuilder create(PipelineSpec spec) {
    return new PipelineBuilder(spec);
  }

  public PipelineBuilder configuration(Map<String, String> values) {
    spec = spec.withConfiguration(values);
    return this;
  }

  public PipelineBuilder storage(Path storage) {
    spec = spec.withStorage(storage.toAbsolutePath().normalize());
    return this;
  }

  public PipelineBuilder streamingTable(String name, Consumer<DatasetBuilder> definition) {
    return dataset(DatasetBuilder.Kind.STREAMING_TABLE, name, definition);
  }

  public PipelineBuilder materializedView(String name, Consumer<DatasetBuilder> definition) {
    return dataset(DatasetBuilder.Kind.MATERIALIZED_VIEW, name, definition);
  }

  public PipelineBuilder temporaryView(String name, Consumer<DatasetBuilder> definition) {
    return dataset(DatasetBuilder.Kind.TEMPORARY_VIEW, name, definition);
  }

  /** An explicit flow: {@code CREATE FLOW name AS INSERT INTO target BY NAME query}. */
  public PipelineBuilder flow(String name, Consumer<FlowBuilder> definition) {
    FlowBuilder f = new FlowBuilder(Names.normalize(name));
    definition.accept(f);
    flows.add(f);
    return this;
  }

  private PipelineBuilder dataset(DatasetBuilder.Kind kind, String name, Consumer<DatasetBuilder> definition) {
    DatasetBuilder d = new DatasetBuilder(kind, Names.normalize(name));
    definition.accept(d);
    datasets.add(d);
    return this;
  }

  /** The pipeline, checked; throws one exception with every problem if anything is wrong. */
  public LoadedPipeline build() {
    Problems problems = new Problems();
    SqlQuerySyntax syntax = new SqlQuerySyntax(spec.configuration());
    List<Dataset> ds = new ArrayList<>();
    List<Flow> fs = new ArrayList<>();
    for (DatasetBuilder d : datasets) {
      d.build(syntax, problems).ifPresent(dataset -> {
        ds.add(dataset);
        boolean persisted = dataset instanceof StreamingTable || dataset instanceof MaterializedView;
        if (persisted && d.queryText().isPresent()) {
          d.query(syntax, problems).ifPresent(q ->
              fs.add(new QueryFlow(dataset.name(), dataset.name(), q, false, true, dataset.location())));
        }
      });
    }
    for (FlowBuilder f : flows) {
      f.build(syntax, problems).ifPresent(fs::add);
    }
    DefinitionSet definitions = new DefinitionSet(ds, fs, Map.of());
    LoadedPipeline loaded = new LoadedPipeline(spec, definitions, GraphBuilder.build(definitions, problems),
        problems.list());
    problems.throwIfErrors();
    return loaded;
  }
}
