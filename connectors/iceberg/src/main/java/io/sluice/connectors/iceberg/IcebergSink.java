package io.sluice.connectors.iceberg;

import io.sluice.connectors.schema.SchemaComparison;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.DistributionMode;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.flink.sink.FlinkSink;

/**
 * Writes a stream of rows (of the table's {@link IcebergTable#schema()}) to an existing Iceberg
 * table. Every operator gets a uid from {@code uidPrefix}, so the job can run with
 * {@code pipeline.auto-generate-uids=false} and restore its state.
 *
 * <p><b>Append</b> is Iceberg's own Flink sink ({@link FlinkSink}): parallel writers, one
 * committer that commits the files of each completed checkpoint (and of a stop-with-savepoint,
 * drained or not). It records the Flink job id, its own operator id and the checkpoint id in each
 * snapshot summary; a job restored from a checkpoint or savepoint, even under a new job id, looks
 * up the last checkpoint the restored job id committed and commits only what came after, so no
 * commit is repeated. Its assumptions: the committer uid never changes (the operator id is part of
 * the key), savepoints are restored in order (restoring a savepoint older than the table's latest
 * commits replays rows that are already in the table), and the history still holds the last
 * commit of the restored job (no snapshot expiry or table replacement in between).
 *
 * <p><b>Overwrite</b> is for BATCH jobs that recompute a table: the rows replace the table's whole
 * content in one commit when the input ends, also when there are no rows and for partitions that
 * received none. (Iceberg's own sink in overwrite mode replaces only the partitions it wrote to,
 * and commits nothing for an empty input, so it cannot refresh a materialized view.)
 *
 * <p><b>Changelog</b> (row-level upserts and deletes) is Iceberg's own Flink sink with equality
 * fields, on a format v2 (or later) table; see {@link #applyChanges}.
 */
public final class IcebergSink {
  private IcebergSink() {}

  /** Appends the rows; uids {@code <prefix>-writer}, {@code -committer}, {@code -dummysink}. */
  public static DataStreamSink<Void> append(DataStream<RowData> input, String tablePath,
      String uidPrefix) {
    checkUidPrefix(tablePath, uidPrefix);
    IcebergTable target = IcebergTable.forPath(tablePath);
    Table table = existing(target, "append to");
    checkWritable(input, table);
    return FlinkSink.forRowData(input)
        .table(table)
        .tableLoader(target.loader())
        .distributionMode(
            table.spec().isPartitioned() ? DistributionMode.HASH : DistributionMode.NONE)
        .uidPrefix(uidPrefix)
        .append();
  }

  /**
   * Applies a changelog to the table: INSERT and UPDATE_AFTER rows are written as data,
   * UPDATE_BEFORE and DELETE rows delete the row with the same values of {@code equalityColumns},
   * as a position delete when that row was written earlier in the same checkpoint, otherwise as an
   * equality delete (format v2). Rows are keyed by the equality columns before the writers, so the
   * changes of one row reach one writer in order. Commits per checkpoint, like {@link #append},
   * with the same exactly-once assumptions. Uids as for {@link #append}.
   *
   * <p>The input must be an exact changelog: every UPDATE_BEFORE and DELETE carries a row that is
   * in the table (with all its values), and INSERT only adds a row whose equality columns are not
   * in the table yet. That is what lets this sink leave Iceberg's upsert mode off: in upsert mode
   * every INSERT and UPDATE_AFTER first writes an equality delete of its key (an initial load of
   * n rows writes n deletes, and every later read applies them) and UPDATE_BEFORE is dropped.
   * Here an insert writes no delete; only updates and deletes do. A changelog that only carries
   * the new rows (no UPDATE_BEFORE) needs upsert mode and is not what this method is for.
   *
   * <p>The equality columns need not be the table's identifier fields (Iceberg takes them from the
   * job) and may be nullable: a null in a delete matches a null in the row. They must be primitive
   * and neither {@code float} nor {@code double} (Iceberg's rule for equality deletes). Delete
   * files accumulate until the table is compacted (rewrite data files); readers merge them.
   *
   * @throws IllegalStateException if the table does not exist or is format version 1
   * @throws IllegalArgumentException if an equality column is missing or of a type Iceberg cannot
   *     delete by
   */
  public static DataStreamSink<Void> applyChanges(DataStream<RowData> changelog, String tablePath,
      List<String> equalityColumns, String uidPrefix) {
    checkUidPrefix(tablePath, uidPrefix);
    IcebergTable target = IcebergTable.forPath(tablePath);
    Table table = existing(target, "apply changes to");
    checkWritable(changelog, table);
    if (TableUtil.formatVersion(table) < 2) {
      throw new IllegalStateException(String.format(
          "Cannot apply changes to Iceberg table %s: it is format version %d, and row-level "
              + "deletes need version 2. Full-refresh the dataset without 'format-version' = '%d' "
              + "in its properties.",
          tablePath, TableUtil.formatVersion(table), TableUtil.formatVersion(table)));
    }
    EqualityColumns.check(tablePath, table.schema(), equalityColumns);
    // NONE: with equality fields, Iceberg keys the rows by them (HASH would key a partitioned
    // table by its partition only, and needs the partition columns among the equality columns).
    return FlinkSink.forRowData(changelog)
        .table(table)
        .tableLoader(target.loader())
        .equalityFieldColumns(equalityColumns)
        .upsert(false)
        .distributionMode(DistributionMode.NONE)
        .uidPrefix(uidPrefix)
        .append();
  }

  /**
   * Replaces the table's content with the rows in one commit at the end of the input; only in
   * BATCH runtime mode. Uids {@code <prefix>-writer}, {@code -committer} and {@code -end}.
   */
  public static DataStreamSink<Void> overwrite(DataStream<RowData> input, String tablePath,
      String uidPrefix) {
    checkUidPrefix(tablePath, uidPrefix);
    if (input.getExecutionEnvironment().getConfiguration().get(ExecutionOptions.RUNTIME_MODE)
        == RuntimeExecutionMode.STREAMING) {
      throw new IllegalArgumentException(String.format(
          "Cannot overwrite Iceberg table %s from a STREAMING job: the overwrite commits once, "
              + "when the input ends. Set execution.runtime-mode to BATCH, or append instead.",
          tablePath));
    }
    IcebergTable target = IcebergTable.forPath(tablePath);
    checkWritable(input, existing(target, "overwrite"));
    return input
        .transform("Iceberg overwrite writer: " + tablePath,
            PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
            new OverwriteWriter(target.loader()))
        .uid(uidPrefix + "-writer")
        .transform("Iceberg overwrite committer: " + tablePath, Types.VOID,
            new OverwriteCommitter(target.loader()))
        .uid(uidPrefix + "-committer")
        .setParallelism(1)
        .setMaxParallelism(1)
        .sinkTo(new DiscardingSink<>())
        .uid(uidPrefix + "-end")
        .name("Iceberg overwrite done: " + tablePath)
        .setParallelism(1);
  }

  private static Table existing(IcebergTable table, String action) {
    if (!table.exists()) {
      throw new IllegalStateException(String.format(
          "Cannot %s Iceberg table %s: it does not exist. Create it first with "
              + "IcebergTable.create (or replace).", action, table.path()));
    }
    return table.load();
  }

  /** Fails early when the input's declared row type does not fit the table's schema. */
  private static void checkWritable(DataStream<RowData> input, Table table) {
    if (!(input.getType() instanceof InternalTypeInfo)) {
      return; // no declared row type to check
    }
    LogicalType type = ((InternalTypeInfo<?>) input.getType()).toLogicalType();
    if (!(type instanceof RowType)) {
      return;
    }
    SchemaComparison comparison = IcebergSchemaComparison.between(table.schema(), List.of(),
        IcebergTypes.toIceberg((RowType) type), List.of());
    if (!comparison.isWritable()) {
      throw new IllegalArgumentException(String.format(
          "Cannot write rows of type %s to Iceberg table %s: %s. Produce the table's columns, "
              + "or full-refresh the dataset to change the table.",
          type.asSummaryString(), table.location(), comparison.describe()));
    }
  }

  private static void checkUidPrefix(String tablePath, String uidPrefix) {
    if (uidPrefix == null || uidPrefix.isBlank()) {
      throw new IllegalArgumentException(String.format(
          "Cannot build an Iceberg sink for %s without a uidPrefix: operator uids keep its state "
              + "across restores. Pass a prefix unique in the job, such as the flow name.",
          tablePath));
    }
  }
}
