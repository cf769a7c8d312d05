package io.sluice.runtime.sink;

import io.sluice.connectors.delta.DeltaTable;
import io.sluice.connectors.schema.SchemaComparison;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.DatasetKind;
import io.sluice.core.model.TableFormat;
import io.sluice.core.problem.ErrorCode;
import io.sluice.core.problem.Problem;
import io.sluice.runtime.storage.StorageLayout;
import io.sluice.runtime.translate.TranslationContext;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.types.logical.RowType;

/**
 * The SETTING_UP_TABLES phase: before any flow runs, every table the update writes exists with
 * the schema the planner computed. A table being fully refreshed is atomically replaced by an
 * empty one. A streaming table whose planned schema no longer matches its data is an error (its
 * rows were written with the old schema); a materialized view simply takes the new schema when
 * it is recomputed.
 */
public final class TableSetup {
  private TableSetup() {}

  public static void prepare(TranslationContext ctx, Dataset dataset, RowType schema, boolean reset,
      List<Problem> problems) {
    if (dataset instanceof io.sluice.core.model.Sink sink) {
      prepareSink(ctx, sink, schema, problems);
      return;
    }
    if (!dataset.kind().isPersisted()) {
      return;
    }
    String path = StorageLayout.uri(ctx.layout().table(dataset.name()));
    if (ctx.formatOf(dataset) == TableFormat.ICEBERG) {
      IcebergTables.prepare(path, dataset, schema, reset, problems);
      return;
    }
    DeltaTable table = DeltaTable.forPath(path);
    List<String> partitions = dataset.spec().partitionColumns();
    Map<String, String> properties = deltaProperties(dataset);
    if (!table.exists()) {
      table.create(schema, partitions, properties);
      return;
    }
    if (reset) {
      table.replace(schema, partitions, properties);
      return;
    }
    SchemaComparison cmp = table.compareWith(schema, partitions);
    if (!cmp.isSame() && dataset.kind() == DatasetKind.STREAMING_TABLE) {
      problems.add(Problem.error(ErrorCode.SCHEMA_MISMATCH, dataset.location(),
          "Cannot change the schema of streaming table '" + dataset.name() + "': " + cmp.describe(),
          "Its rows were written with the old schema. Run with --full-refresh " + dataset.name()
              + " to rebuild it with the new one."));
    }
  }

  /**
   * The quarantine table of a dataset: created when missing; replaced (emptied) when the dataset
   * is fully refreshed, or when a recomputed view's columns changed; for a streaming table a
   * changed schema needs a full refresh, like the table itself.
   */
  public static void prepareQuarantine(TranslationContext ctx, Dataset owner, String table, RowType schema,
      boolean reset, List<Problem> problems) {
    DeltaTable t = DeltaTable.forPath(StorageLayout.uri(ctx.layout().table(table)));
    if (!t.exists()) {
      t.create(schema, List.of(), Map.of());
      return;
    }
    SchemaComparison cmp = t.compareWith(schema, List.of());
    if (reset || (!cmp.isSame() && owner.kind() != DatasetKind.STREAMING_TABLE)) {
      t.replace(schema, List.of(), Map.of());
    } else if (!cmp.isSame()) {
      problems.add(Problem.error(ErrorCode.SCHEMA_MISMATCH, owner.location(),
          "Cannot change the schema of quarantine table '" + table + "' of '" + owner.name() + "': " + cmp.describe(),
          "Run with --full-refresh " + owner.name() + " to rebuild both."));
    }
  }

  /**
   * A sink is an external table: created when missing, never cleared (not even by a full refresh),
   * and its schema must already fit.
   */
  private static void prepareSink(TranslationContext ctx, io.sluice.core.model.Sink sink, RowType schema,
      List<Problem> problems) {
    if (SinkTargets.isKafka(sink)) {
      return; // a topic: nothing to set up
    }
    java.util.Optional<java.nio.file.Path> path = SinkTargets.tablePath(sink, ctx.spec(), ctx.layout());
    if (path.isEmpty()) {
      problems.add(Problem.error(ErrorCode.UNSUPPORTED_FEATURE, sink.location(), SinkTargets.unsupported(sink),
          "Use CREATE SINK " + sink.name() + " USING delta OPTIONS ('path' = '...')."));
      return;
    }
    DeltaTable table = DeltaTable.forPath(StorageLayout.uri(path.get()));
    if (!table.exists()) {
      table.create(schema, List.of(), Map.of());
      return;
    }
    SchemaComparison cmp = table.compareWith(schema, table.partitionColumns());
    if (!cmp.isSame() && !cmp.isWritable()) {
      problems.add(Problem.error(ErrorCode.SCHEMA_MISMATCH, sink.location(),
          "Cannot write sink '" + sink.name() + "': " + cmp.describe(),
          "Make the flows into the sink produce the sink table's columns."));
    }
  }

  /** Delta keeps {@code delta.*} properties; the others (DLT's quality tags, pipelines.*) too. */
  static Map<String, String> deltaProperties(Dataset dataset) {
    return dataset.spec().properties();
  }
}
