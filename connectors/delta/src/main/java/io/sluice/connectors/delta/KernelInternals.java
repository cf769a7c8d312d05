package io.sluice.connectors.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.types.DataTypeJsonSerDe;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.transaction.ReplaceTableTransactionBuilder;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The only place that touches Delta Kernel's internal packages ({@code io.delta.kernel.internal}),
 * which carry no compatibility promise: the Kernel version is pinned (4.4.0, root pom) and an
 * upgrade must re-check each method here.
 *
 * <p><b>Overwrite: replace-table transaction.</b> An overwrite must swap the whole content in
 * one commit, may change the schema, and with zero rows must leave an empty table. Kernel 4.4.0
 * has two ways, both internal:
 *
 * <ul>
 *   <li>{@code SnapshotImpl.buildReplaceTableTransaction(schema, engineInfo)} (public method of an
 *       internal class, marked "make this API public after closing open threads"): Kernel itself
 *       adds a remove action for every live file of the read snapshot, writes new metadata
 *       (schema, partitioning, properties) and keeps the protocol, all in the one commit that also
 *       carries our add actions. Readers see the old or the new table, never a mix.
 *   <li>An update transaction plus remove actions built with {@code AddFile.toRemoveFileRow} and
 *       {@code SingleAction.createRemoveFileSingleAction}: needs two internal classes and a full
 *       scan to list the files, and cannot change the schema (Kernel's {@code withUpdatedSchema}
 *       requires column mapping, which its Parquet writer then refuses).
 * </ul>
 *
 * We use the replace transaction: one internal call, and it covers schema changes. Its known
 * limits: it carries no transaction identifier (so an overwrite is not skipped on replay; it is
 * repeated with the same content, which is harmless for a full recompute), it resets table
 * properties that are not passed again (we pass the current ones), and it drops domain metadata.
 *
 * <p><b>Replacing the content with a transaction id: remove actions.</b> A {@link
 * WriteMode#SNAPSHOT} commit replaces the content but must record the checkpoint with {@code
 * withTransactionId}, which only the update transaction offers, and must keep unchanged files
 * (neither removed nor added again). So it takes the second way above: {@code AddFile} (internal)
 * read from each scan file's {@code add} struct, {@code AddFile.toRemoveFileRow} and {@code
 * SingleAction.createRemoveFileSingleAction}, exactly as Kernel's own replace-table transaction
 * builds its removes ({@code TransactionImpl.getRemoveActionsForReplace}). Schema changes are not
 * needed there.
 *
 * <p><b>Reads.</b> Kernel's documented read loop needs the physical read schema from the scan
 * state and the absolute data file path from a scan file; both are only exposed through internal
 * helpers ({@code ScanStateRow}, {@code InternalScanFileUtils}). Scan files travel in splits as
 * JSON schema plus values, parsed back with {@code DataTypeJsonSerDe}. Streaming reads name the
 * actions they want from {@code CommitRange.getCommitActions} with the internal {@code
 * DeltaAction} enum (the public method takes it), and build scan-file rows from add actions with
 * the table root as Kernel's own scan writes it ({@code Snapshot.getDataPath()} returns an
 * internal {@code Path}).
 */
final class KernelInternals {
  /** The actions a streaming read looks at in each commit. */
  static final Set<DeltaAction> ADDS_AND_REMOVES = Set.of(DeltaAction.ADD, DeltaAction.REMOVE);

  private KernelInternals() {}

  /** A transaction that replaces the table's content, schema and partitioning in one commit. */
  static Transaction replaceTable(Engine engine, Snapshot snapshot, StructType schema,
      List<String> partitionColumns, Map<String, String> properties) {
    ReplaceTableTransactionBuilder builder =
        ((SnapshotImpl) snapshot).buildReplaceTableTransaction(schema, WriteTransactions.ENGINE_INFO)
            .withTableProperties(properties);
    if (!partitionColumns.isEmpty()) {
      builder = builder.withDataLayoutSpec(DataLayoutSpec.partitioned(
          partitionColumns.stream().map(Column::new).collect(Collectors.toList())));
    }
    return builder.build(engine);
  }

  /**
   * A remove action (a {@code SingleAction} row, {@code dataChange = true}) for every live data
   * file of the snapshot, keyed by the path its add action records.
   */
  static Map<String, Row> removeActionsOfLiveFiles(Engine engine, Snapshot snapshot) {
    Map<String, Row> removes = new LinkedHashMap<>();
    Optional<Long> now = Optional.of(System.currentTimeMillis());
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot.getScanBuilder().build().getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> scanFiles = batches.next().getRows()) {
          while (scanFiles.hasNext()) {
            AddFile add =
                new AddFile(scanFiles.next().getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL));
            removes.put(add.getPath(),
                SingleAction.createRemoveFileSingleAction(add.toRemoveFileRow(true, now)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot list the data files of Delta table " + snapshot.getPath(), e);
    }
    return removes;
  }

  /** The schema to read data files with (no partition columns, plus a row index if needed). */
  static StructType physicalReadSchema(Row scanState) {
    return ScanStateRow.getPhysicalDataReadSchema(scanState);
  }

  /** The absolute path, size and modification time of a scan file's data file. */
  static FileStatus dataFile(Row scanFile) {
    return InternalScanFileUtils.getAddFileStatus(scanFile);
  }

  /** The {@code tableRoot} value of the snapshot's scan-file rows. */
  static String tableRoot(Snapshot snapshot) {
    return snapshot.getDataPath().toUri().toString();
  }

  /** Parses a schema written by {@link StructType#toJson()}. */
  static StructType parseSchema(String json) {
    return DataTypeJsonSerDe.deserializeStructType(json);
  }
}
