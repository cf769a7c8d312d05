package io.sluice.runtime.translate;

import io.sluice.connectors.files.ReadColumns;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.Query;
import io.sluice.core.model.Reference;
import io.sluice.core.model.TableFormat;
import io.sluice.core.model.TemporaryView;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.catalog.FileCatalog;
import io.sluice.runtime.source.DeltaInputs;
import io.sluice.runtime.source.FileInputs;
import io.sluice.runtime.source.InputSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Registers, in one flow's table environment, a table under every placeholder that the flow's
 * query and the temporary views it reads use. Each distinct input is opened once. In a flow that
 * uses event time ({@link ReadMode#eventTime()}), watermarked datasets and views are registered
 * through their event-time gate ({@link EventTimeInputs}).
 */
final class InputRegistry {
  private final TranslationContext ctx;
  private final FlowEnvironment fenv;
  private final String flow;
  private final io.sluice.runtime.plan.FlowPlan plan;
  private final Optional<RowType> declared;
  private final ReadMode mode;
  private final EventTimeInputs eventTime;
  private final List<io.sluice.expectations.ExpectationSet> viewChecks = new ArrayList<>();
  private final Map<String, InputSpec> inputs = new LinkedHashMap<>();
  private final Map<String, Table> opened = new LinkedHashMap<>();
  private final Set<String> placeholders = new HashSet<>();
  private final Map<String, String> boundReads = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> missingUpstream = new java.util.LinkedHashSet<>();

  InputRegistry(TranslationContext ctx, FlowEnvironment fenv, io.sluice.runtime.plan.FlowPlan plan,
      Optional<RowType> declared, ReadMode mode) {
    this.ctx = ctx;
    this.fenv = fenv;
    this.plan = plan;
    this.flow = plan.name();
    this.declared = declared;
    this.mode = mode;
    this.eventTime = new EventTimeInputs(ctx, fenv, plan, mode.live(), problems);
  }

  /** The expectation sets of the views registered, in the order they were applied. */
  List<io.sluice.expectations.ExpectationSet> viewChecks() {
    return List.copyOf(viewChecks);
  }

  /** Registers the views read (directly or not) by a query, upstream first, then its inputs. */
  void registerAll(Query query) {
    Set<String> direct = new java.util.LinkedHashSet<>();
    query.datasetReferences().forEach(r -> direct.add(r.name()));
    List<TemporaryView> views = ctx.graph().viewsReadBy(direct);
    List<Query> all = new ArrayList<>();
    views.forEach(v -> all.add(v.query()));
    all.add(query);
    for (TemporaryView v : views) {
      register(v.query());
      if (!problems.isEmpty() || !missingUpstream.isEmpty()) {
        return;
      }
      registerView(v, all);
    }
    register(query);
  }

  List<InputSpec> inputs() {
    return List.copyOf(inputs.values());
  }

  List<Problem> problems() {
    return problems;
  }

  Set<String> missingUpstream() {
    return missingUpstream;
  }

  /** Placeholder and schema of every input, for the flow's fingerprint. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    inputs.forEach((k, v) -> sb.append(k).append('=').append(v.schema().asSerializableString()).append(';'));
    return sb.append(eventTime.describe()).toString();
  }

  /**
   * Binds the placeholders of a query to its inputs. Placeholders of files, paths, external
   * tables, Kafka and PostgreSQL reads are numbered per query ({@code __files_1}), so two views
   * inlined into one flow may use the same name for different reads: each query is planned right
   * after its own placeholders are bound, and a name bound to another read is bound again.
   */
  private void register(Query query) {
    for (Reference ref : query.references()) {
      boolean numbered = ref.kind() != io.sluice.core.model.ReferenceKind.DATASET;
      String read = ref.kind() + "|" + ref.name() + "|" + ref.streaming() + "|" + ref.options();
      if (numbered ? read.equals(boundReads.get(ref.placeholder())) : placeholders.contains(ref.placeholder())) {
        continue;
      }
      Optional<InputSpec> input = resolve(ref);
      input.ifPresent(spec -> {
        Table table = opened.computeIfAbsent(spec.key(), k -> open(spec, watermarked(ref), snapshotRead(ref)));
        if (placeholders.contains(ref.placeholder())) {
          fenv.tEnv.dropTemporaryView(quote(ref.placeholder()));
        }
        fenv.tEnv.createTemporaryView(quote(ref.placeholder()), table);
        placeholders.add(ref.placeholder());
        if (numbered) {
          boundReads.put(ref.placeholder(), read);
        }
      });
    }
  }

  private void registerView(TemporaryView view, List<Query> all) {
    Table table;
    try {
      table = fenv.tEnv.sqlQuery(view.query().sql().text());
    } catch (RuntimeException e) {
      problems.add(PlannerErrors.toProblem(e, view.query().sql(), "view '" + view.name() + "'"));
      return;
    }
    Optional<Table> checked = checkView(view, table);
    if (checked.isEmpty()) {
      return;
    }
    table = checked.get();
    if (view.spec().watermark().isPresent()) {
      Optional<Table> timed = mode.eventTime() ? eventTime.view(view, table)
          : WatermarkCheck.check(fenv, view, table, problems) ? Optional.of(table) : Optional.empty();
      if (timed.isEmpty()) {
        return;
      }
      table = timed.get();
    }
    for (Query q : all) {
      for (Reference r : q.datasetReferences()) {
        if (r.name().equals(view.name()) && placeholders.add(r.placeholder())) {
          fenv.tEnv.createTemporaryView(quote(r.placeholder()), table);
        }
      }
    }
  }

  /**
   * Applies a view's expectations to the rows passing through it, in this flow: the view's table
   * becomes the stream of rows the expectations keep, with its rowtime column if it has exactly one
   * (other time attributes become plain timestamps). Empty when the expectations are invalid.
   */
  private Optional<Table> checkView(TemporaryView view, Table planned) {
    if (view.spec().expectations().isEmpty()) {
      return Optional.of(planned);
    }
    Table table = TimeAttributes.keepSingleRowtime(fenv.tEnv, planned);
    Optional<String> rowtime = TimeAttributes.singleRowtime(table);
    int before = problems.size();
    Optional<ExpectationStage.Checked> checked = ExpectationStage.plan(ctx, fenv, table, view, flow, problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    if (checked.isEmpty()) {
      return Optional.of(table);
    }
    RowType stored = StorageTypes.ofQuery((RowType) table.getResolvedSchema().toPhysicalRowDataType().getLogicalType());
    QualityGate.plan(ctx, view, stored);
    viewChecks.add(checked.get().set());
    Table out = checked.get().table();
    DataStream<RowData> rows;
    try {
      rows = fenv.tEnv.toDataStream(out, out.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class));
    } catch (RuntimeException e) {
      problems.add(Problem.error(ErrorCode.UNSUPPORTED_FEATURE, view.location(),
          "Cannot apply the expectations of view '" + view.name() + "' in flow '" + flow
              + "': the view's rows are updated as the stream goes on, and expectations check appended rows",
          "Put the expectations on the dataset that reads the view, or make the view append-only."));
      return Optional.empty();
    }
    if (!mode.live()) {
      return Optional.of(table);
    }
    DataStream<RowData> kept = QualityGate.apply(ctx, plan, view, checked.get().set(), rows, FlowJobs.gate(ctx, plan));
    return Optional.of(rowtime
        .map(column -> fenv.tEnv.fromDataStream(kept, TimeAttributes.withRowtime(checked.get().set().dataType(), column)))
        .orElseGet(() -> fenv.tEnv.fromDataStream(kept)));
  }

  /**
   * The input as a table. Only a run opens real sources; planning before the tables exist uses a
   * source that has the input's schema and is never executed. A watermarked dataset passes its
   * event-time gate when the flow uses event time.
   */
  private Table open(InputSpec spec, Optional<Dataset> watermarked, boolean wholeEachUpdate) {
    inputs.put(spec.key(), spec);
    if (!mode.live()) {
      Table schemaOnly = fenv.tEnv.from(TableDescriptor.forConnector("datagen")
          .schema(Schema.newBuilder().fromRowDataType(TypeConversions.fromLogicalToDataType(spec.schema())).build())
          .option("number-of-rows", "1")
          .build());
      return watermarked.map(d -> eventTime.dataset(d, spec.key(), fenv.tEnv.toDataStream(schemaOnly,
          schemaOnly.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class)), spec.schema()))
          .orElse(schemaOnly);
    }
    if (spec.kind() == io.sluice.runtime.source.InputKind.FILES && watermarked.isEmpty()) {
      ReadColumns columns = ReadColumns.collecting();
      DataStream<RowData> stream = ctx.sources().open(fenv.env, flow, spec, wholeEachUpdate, columns);
      return fenv.inputs().register(fenv.tEnv, spec.key(), new PrunableInput(stream, spec.schema(), columns,
          fenv.bounded, Uids.source(flow, spec.key())));
    }
    DataStream<RowData> stream = ctx.sources().open(fenv.env, flow, spec, wholeEachUpdate);
    return watermarked.map(d -> eventTime.dataset(d, spec.key(), stream, spec.schema()))
        .orElseGet(() -> fenv.tEnv.fromDataStream(stream));
  }

  /** The dataset a STREAM() reference reads, when the flow uses event time and the dataset declares a watermark. */
  private Optional<Dataset> watermarked(Reference ref) {
    if (!mode.eventTime() || !ref.streaming() || ref.kind() != io.sluice.core.model.ReferenceKind.DATASET) {
      return Optional.empty();
    }
    Dataset d = ctx.graph().requireDataset(ref.name());
    return d.spec().watermark().isPresent() ? Optional.of(d) : Optional.empty();
  }

  private Optional<InputSpec> resolve(Reference ref) {
    try {
      switch (ref.kind()) {
        case DATASET:
          return dataset(ref);
        case FILES:
          return Optional.of(FileInputs.resolve(ctx, flow, ref, declared, !fenv.bounded));
        case TABLE_PATH:
          return tablePath(ref);
        case EXTERNAL_TABLE:
          return published(ref);
        case KAFKA:
          return Optional.of(io.sluice.runtime.source.KafkaInputs.resolve(ref, flow, fenv.bounded));
        case POSTGRES:
          return Optional.of(io.sluice.runtime.source.PostgresInputs.resolve(ref, ctx.spec().name(), flow,
              fenv.bounded));
        default:
          throw new IllegalStateException("Unknown reference kind " + ref.kind());
      }
    } catch (RuntimeException e) {
      problems.add(Problem.error(ErrorCode.SOURCE_INVALID, ref.location(), e.getMessage() == null
          ? "Cannot read '" + ref.name() + "': " + e : e.getMessage(), "Fix the source's path or options."));
      return Optional.empty();
    }
  }

  private Optional<InputSpec> dataset(Reference ref) {
    Dataset d = ctx.graph().requireDataset(ref.name());
    if (d.kind() == DatasetKind.TEMPORARY_VIEW) {
      return Optional.empty();
    }
    if (!streamingReadAllowed(ref)) {
      return Optional.empty();
    }
    Optional<RowType> schema = ctx.schema(d.name());
    if (schema.isEmpty()) {
      missingUpstream.add(d.name());
      return Optional.empty();
    }
    if (ctx.formatOf(d) == TableFormat.ICEBERG) {
      return Optional.of(io.sluice.runtime.source.IcebergInputs.dataset(ctx.layout().table(d.name()), d.name(), schema.get(), incremental(ref)));
    }
    return Optional.of(DeltaInputs.dataset(d.name(), ctx.layout().table(d.name()), schema.get(), incremental(ref)));
  }

  private Optional<InputSpec> tablePath(Reference ref) {
    if (!streamingReadAllowed(ref)) {
      return Optional.empty();
    }
    String format = ref.options().getOrDefault("format", "delta").toLowerCase(Locale.ROOT);
    java.nio.file.Path resolved = ctx.spec().folder().resolve(ref.name()).normalize();
    if (format.equals("iceberg")) {
      return Optional.of(io.sluice.runtime.source.IcebergInputs.path(ref.name(), resolved, incremental(ref)));
    }
    return Optional.of(DeltaInputs.path(ref.name(), resolved, incremental(ref)));
  }

  /** A table another pipeline published in this pipeline's catalog. */
  private Optional<InputSpec> published(Reference ref) {
    Optional<FileCatalog> catalog = FileCatalog.of(ctx.spec());
    if (catalog.isEmpty()) {
      problems.add(Problem.error(ErrorCode.UNKNOWN_REFERENCE, ref.location(),
          "Cannot read '" + ref.name() + "': this pipeline has no catalog to look it up in",
          "Set 'catalog:' in pipeline.yaml to the catalog the other pipeline publishes to, or read the"
              + " table by path: delta.`/path/to/table`."));
      return Optional.empty();
    }
    Optional<FileCatalog.Entry> entry = catalog.get().lookup(ref.name());
    if (entry.isEmpty()) {
      problems.add(Problem.error(ErrorCode.UNKNOWN_REFERENCE, ref.location(),
          "Cannot read '" + ref.name() + "': " + catalog.get() + " has no such table",
          "Run the pipeline that publishes it first, or check the database and table names."));
      return Optional.empty();
    }
    if (!streamingReadAllowed(ref)) {
      return Optional.empty();
    }
    java.nio.file.Path location = java.nio.file.Path.of(java.net.URI.create(entry.get().location()));
    if (entry.get().format().equals("iceberg")) {
      return Optional.of(io.sluice.runtime.source.IcebergInputs.path(ref.name(), location, incremental(ref)));
    }
    return Optional.of(DeltaInputs.path(ref.name(), location, incremental(ref)));
  }

  /** In an unbounded flow every table is read incrementally, so STREAM() is required. */
  private boolean streamingReadAllowed(Reference ref) {
    if (fenv.bounded || ref.streaming() || maintainedView() || snapshotRead(ref)) {
      return true;
    }
    problems.add(Problem.error(ErrorCode.UNSUPPORTED_FEATURE, ref.location(),
        "Cannot read '" + ref.name() + "' as a whole inside streaming flow '" + flow
            + "': joining a stream with a table snapshot (a stream-static join) is not supported yet",
        "Read it incrementally with STREAM(" + ref.name() + "), or make the target a materialized view."));
    return false;
  }

  private boolean incremental(Reference ref) {
    return (ref.streaming() || maintainedView() || snapshotRead(ref)) && !fenv.bounded;
  }

  /**
   * AUTO CDC FROM SNAPSHOT of a table read whole: in the flow's unbounded job, an incremental
   * source that starts afresh at every update (its state is not restored), so it reads the
   * table's snapshot as of the update's start and then marks that it caught up.
   */
  private boolean snapshotRead(Reference ref) {
    return !ref.streaming() && !fenv.bounded
        && plan.flow().changes().map(io.sluice.core.model.ChangeSpec::fromSnapshot).orElse(false);
  }

  /**
   * A materialized view maintained from its changelog reads every input incrementally from the
   * beginning: over append-only inputs that is the whole content, then every new row.
   */
  private boolean maintainedView() {
    return plan.kind() == io.sluice.runtime.plan.FlowKind.CHANGELOG;
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
